using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Events;

public sealed class JsonFieldsTests
{
    [Theory]
    [InlineData("""{"plain": "ec2.amazonaws.com"}""")]
    [InlineData("""{"empty": ""}""")]
    [InlineData("""{"escaped": "a\"b\\c\nd\u0041"}""")]
    [InlineData("""{"unicode": "日本語 テスト", "mixed": "abc é def"}""")]
    [InlineData("""{"pair": "\ud83d\ude00", "emoji": "😀"}""")]
    [InlineData("""{"n\u0061me": "x", "名前": "y", "tab\there": "z"}""")]
    [InlineData("""{"del": "a\u007fb", "raw del": "ab"}""")]
    public void Strings_and_names_read_as_the_library_decodes_them(string json)
    {
        using var document = JsonDocument.Parse(json);

        AssertAsLibrary(document.RootElement);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_still_shown_as_written()
    {
        using var document = JsonDocument.Parse("""{"\ud800": "a\udc00b"}""");
        var property = document.RootElement.EnumerateObject().Single();

        Assert.Equal("\\ud800", JsonFields.Name(property));
        Assert.Equal("a\\udc00b", JsonFields.Text(property.Value));
    }

    [Fact]
    public void A_null_reads_as_empty_text() =>
        Assert.Equal(string.Empty, JsonFields.Text(JsonDocument.Parse("null").RootElement));

    [Fact]
    public void Every_string_and_name_in_the_corpus_reads_as_the_library_decodes_it()
    {
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            AssertAsLibrary(document.RootElement);
        }
    }

    [Theory]
    [InlineData("\"ec2.amazonaws.com\"", "ec2.amazonaws.com")]
    [InlineData("\"\"", null)]
    [InlineData("\"null\"", null)]
    [InlineData("\"\\u006eull\"", null)]
    [InlineData("\"n\\u0075ll\"", null)]
    [InlineData("\"NULL\"", "NULL")]
    [InlineData("\"nul\"", "nul")]
    [InlineData("\" null\"", " null")]
    [InlineData("\"nullx\"", "nullx")]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("\"日本\"", "日本")]
    [InlineData("\"\\ud800\"", "\\ud800")]
    [InlineData("12.50", "12.50")]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    public void A_scalar_is_its_text_and_empty_or_null_strings_are_none(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, JsonFields.Scalar(document.RootElement));
    }

    [Fact]
    public void Every_corpus_string_reads_as_a_scalar_as_the_library_decodes_it()
    {
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            AssertScalars(document.RootElement);
        }

        static void AssertScalars(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                var text = element.GetString();
                Assert.Equal(text is "" or "null" ? null : text, JsonFields.Scalar(element));
            }

            foreach (var child in element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Value)
                : element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [])
            {
                AssertScalars(child);
            }
        }
    }

    [Theory]
    [InlineData("""{"type": 1, "Type": 2}""", "type")]
    [InlineData("""{"type": 1, "type": 2}""", "type")]
    [InlineData("""{"t\u0079pe": 1}""", "type")]
    [InlineData("""{"名前": 1, "name": 2}""", "名前")]
    [InlineData("""{"a": 1}""", "b")]
    [InlineData("""{"": 1}""", "")]
    public void A_lookup_finds_what_the_librarys_lookup_finds(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        var expectedFound = document.RootElement.TryGetProperty(name, out var expected);

        var found = JsonFields.TryGet(document.RootElement, name, out var value);

        Assert.Equal(expectedFound, found);
        Assert.Equal(expectedFound ? expected.GetRawText() : null, found ? value.GetRawText() : null);
    }

    [Fact]
    public void A_name_longer_than_the_stack_buffer_is_still_found()
    {
        var name = new string('n', 300);
        using var document = JsonDocument.Parse($$"""{"{{name}}": 7}""");

        Assert.True(JsonFields.TryGet(document.RootElement, name, out var value));
        Assert.Equal(7, value.GetInt32());
    }

    [Fact]
    public void An_object_whose_names_escape_half_a_surrogate_pair_is_searched_by_raw_bytes()
    {
        using var document = JsonDocument.Parse("""{"\ud800\u0061": 1, "type": 2}""");

        Assert.True(JsonFields.TryGet(document.RootElement, "type", out var value));
        Assert.Equal(2, value.GetInt32());
    }

    private static void AssertAsLibrary(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.Equal(property.Name, JsonFields.Name(property));
                    AssertAsLibrary(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertAsLibrary(item);
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(element.GetString(), JsonFields.Text(element));
                break;
        }
    }
}
