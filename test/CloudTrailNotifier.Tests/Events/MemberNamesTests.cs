using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Events;

public sealed class MemberNamesTests
{
    private static readonly MemberNames Names = new("a", "b", "eventName", "detail");

    [Theory]
    [InlineData("""{"a": 1, "b": "two", "c": 3}""")]
    [InlineData("""{"a": 1, "a": 2, "b": 3, "a": 4}""")]
    [InlineData("""{"\u0061": 1, "b": 2}""")]
    [InlineData("""{"a": 1, "\u0061": 2}""")]
    [InlineData("""{"\u0061": 1, "a": 2}""")]
    [InlineData("""{"\ud800": 1, "a": 2, "b": 3}""")]
    [InlineData("""{"a": 1, "\udfff\u0062": 2, "b": 3}""")]
    [InlineData("""{"eventNam\u0065": "x", "detail": null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"c": {"a": 1}}""")]
    public void Every_slot_holds_what_a_named_lookup_finds(string json)
    {
        using var document = JsonDocument.Parse(json);

        AssertSameAsLookups(document.RootElement, Names);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a\"")]
    [InlineData("null")]
    public void A_value_that_is_not_an_object_has_every_slot_absent(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = default(MemberValues);
        ((Span<JsonElement>)values).Fill(document.RootElement);

        Names.Read(document.RootElement, values);

        for (var i = 0; i < Names.Count; i++)
        {
            Assert.Equal(JsonValueKind.Undefined, values[i].ValueKind);
        }
    }

    [Fact]
    public void The_last_of_duplicate_names_wins_as_in_a_named_lookup()
    {
        using var document = JsonDocument.Parse("""{"a": 1, "b": 2, "a": 3}""");
        var values = default(MemberValues);

        Names.Read(document.RootElement, values);

        Assert.Equal("3", values[0].GetRawText());
        Assert.Equal("2", values[1].GetRawText());
    }

    [Fact]
    public void Every_corpus_envelope_and_record_reads_the_known_fields_as_named_lookups_do()
    {
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            AssertSameAsLookups(document.RootElement, KnownFields.Names);
            if (JsonFields.Object(document.RootElement, "detail") is { } detail)
            {
                AssertSameAsLookups(detail, KnownFields.Names);
            }
        }
    }

    [Fact]
    public void More_names_than_the_stack_buffer_holds_are_refused() =>
        Assert.Throws<ArgumentException>(() => new MemberNames(Enumerable.Range(0, MemberValues.Capacity + 1).Select(i => $"n{i}").ToArray()));

    private static void AssertSameAsLookups(JsonElement obj, MemberNames names)
    {
        var values = default(MemberValues);
        names.Read(obj, values);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names.NameAt(i);
            if (JsonFields.TryGet(obj, name, out var expected))
            {
                Assert.Equal(expected.ValueKind, values[i].ValueKind);
                Assert.Equal(expected.GetRawText(), values[i].GetRawText());
            }
            else
            {
                Assert.Equal(JsonValueKind.Undefined, values[i].ValueKind);
            }
        }
    }
}
