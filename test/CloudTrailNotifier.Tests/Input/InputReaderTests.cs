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
    [InlineData("{}\n{\"a\":}", "not valid JSON at line 2")]
    [InlineData("hello", "not valid JSON at line 1, byte 1")]
    [InlineData("   ", "the input is empty")]
    public void Unreadable_input_is_one_clear_line(string text, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => Read(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Damaged_gzip_is_reported_as_such()
    {
        var error = Assert.Throws<InputFormatException>(() => InputReader.ReadEvents(new byte[] { 0x1f, 0x8b, 1, 2, 3 }));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }
}
