using System.IO.Compression;
using System.Text;
using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Tests.Input;

public sealed class InputReaderTests
{
    private const string Record = """{"eventName":"GetSecretValue","eventSource":"secretsmanager.amazonaws.com"}""";

    private static IReadOnlyList<System.Text.Json.JsonElement> Read(string text) => InputReader.ReadEvents(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_single_envelope_is_one_event()
    {
        Assert.Single(Read($$"""{"detail-type":"AWS API Call via CloudTrail","detail":{{Record}}}"""));
    }

    [Fact]
    public void A_cloudtrail_log_file_yields_each_record_in_order()
    {
        var events = Read($$"""{"Records":[{{Record}},{"eventName":"Second"}]}""");

        Assert.Equal(["GetSecretValue", "Second"], events.Select(e => e.GetProperty("eventName").GetString()));
    }

    [Fact]
    public void A_gzip_compressed_log_file_is_decompressed()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes($$"""{"Records":[{{Record}},{{Record}},{{Record}}]}"""));
        }

        Assert.Equal(3, InputReader.ReadEvents(buffer.ToArray()).Count);
    }

    [Fact]
    public void Json_lines_yield_one_event_per_line()
    {
        var events = Read($"{Record}\n{Record}\r\n\n{Record}\n");

        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        Assert.Single(Read("\uFEFF" + Record));
    }

    [Theory]
    [InlineData("{\"eventName\": ", "not valid JSON at line 1")]
    [InlineData("{}\n{\"a\":}", "line 2: not valid JSON at byte 6")]
    [InlineData("hello", "not valid JSON at line 1, byte 1")]
    [InlineData("   ", "the input is empty")]
    public void Unreadable_input_is_one_clear_line(string text, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => Read(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{"a": [1, {"b": "c"}], "d": null}""")]
    [InlineData("/* first */ {\"a\": // line\n [1, /* in between */ 2]} // last")]
    [InlineData("""{"a": 1 /* unclosed""")]
    [InlineData("""{"a": 1, /* then */ }""")]
    [InlineData("{\"a\": // comment then damage\n tru}")]
    [InlineData("""{"a": "\ud800"} trailing""")]
    public void Parsing_gives_the_document_or_the_error_that_skipping_comments_gives(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        string Outcome(Func<System.Text.Json.JsonDocument> parse)
        {
            try
            {
                using var document = parse();
                using var written = new MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(written))
                {
                    document.RootElement.WriteTo(writer);
                }

                return "document " + Encoding.UTF8.GetString(written.ToArray());
            }
            catch (System.Text.Json.JsonException ex)
            {
                return $"error at line {ex.LineNumber}, byte {ex.BytePositionInLine}";
            }
        }

        Assert.Equal(Outcome(() => System.Text.Json.JsonDocument.Parse(bytes, InputReader.Options)), Outcome(() => InputReader.Parse(bytes)));
    }

    [Fact]
    public void Damaged_gzip_is_reported_as_such()
    {
        var error = Assert.Throws<InputFormatException>(() => InputReader.ReadEvents(new byte[] { 0x1f, 0x8b, 1, 2, 3 }));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16le-bom", "UTF-16LE")]
    [InlineData("utf-16le", "UTF-16LE")]
    [InlineData("utf-16be-bom", "UTF-16BE")]
    [InlineData("utf-16be", "UTF-16BE")]
    [InlineData("utf-32le", "UTF-32LE")]
    public void Text_in_another_encoding_is_told_to_be_UTF_8(string form, string named)
    {
        var json = $$"""{"Records":[{{Record}}]}""";
        byte[] bytes = form switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)],
            "utf-16le" => Encoding.Unicode.GetBytes(json),
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(json)],
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(json),
            _ => Encoding.UTF32.GetBytes(json),
        };

        var error = Assert.Throws<InputFormatException>(() => InputReader.ReadEvents(bytes));

        Assert.Equal(
            $"the input is {named} text; events are read as UTF-8, so save or convert the file as UTF-8 (for example: iconv -f {named} -t UTF-8)",
            error.Message);
    }

    [Fact]
    public void UTF_8_with_a_byte_order_mark_is_still_read()
    {
        Assert.Single(InputReader.ReadEvents((byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Record)]));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_named_as_such_not_as_invalid_JSON()
    {
        var deep = $$"""{"detail":{{new string('[', 5000)}}{{new string(']', 5000)}}}""";

        var error = Assert.Throws<InputFormatException>(() => Read(deep));

        Assert.Equal("the JSON is nested more than 4096 levels deep, more than any CloudTrail event; it is not read", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var deep = $$"""{"detail":{{new string('[', 4000)}}{{new string(']', 4000)}}}""";

        Assert.Single(Read(deep));
    }

    [Fact]
    public void A_syntax_error_inside_deep_but_allowed_nesting_is_still_invalid_JSON()
    {
        var broken = $$"""{"detail":{{new string('[', 100)}}1,}""";

        var error = Assert.Throws<InputFormatException>(() => Read(broken));

        Assert.StartsWith("not valid JSON at line 1", error.Message, StringComparison.Ordinal);
    }
}
