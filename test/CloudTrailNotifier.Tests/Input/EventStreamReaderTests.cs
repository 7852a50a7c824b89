using System.IO.Compression;
using System.Text;
using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Tests.Input;

/// <summary>Streaming: one event at a time from every input form; damage loses only itself.</summary>
public sealed class EventStreamReaderTests
{
    private static List<string> Read(byte[] input)
    {
        using var stream = new MemoryStream(input);
        return [.. new EventStreamReader(stream).Read().Select(item => item.IsEvent ? "event " + Name(item) : "problem " + item.Describe())];
    }

    private static List<string> Read(string input) => Read(Encoding.UTF8.GetBytes(input));

    private static string Name(InputItem item) =>
        item.Event.ValueKind == System.Text.Json.JsonValueKind.Object && item.Event.TryGetProperty("eventName", out var name)
            ? name.GetString()!
            : item.Event.ValueKind.ToString();

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void A_damaged_json_line_is_reported_by_number_and_the_other_lines_are_read()
    {
        var items = Read("{\"eventName\":\"A\"}\n{\"eventName\": nope}\n\n{\"eventName\":\"C\"}\n");

        Assert.Equal(["event A", "problem line 2: not valid JSON at byte 16", "event C"], items);
    }

    [Fact]
    public void A_damaged_first_line_of_json_lines_loses_only_itself()
    {
        var items = Read("{\"eventName\":\"A\"\n{\"eventName\":\"B\"}\n");

        Assert.Equal("problem line 1: not valid JSON at byte 17", items[0]);
        Assert.Equal("event B", items[1]);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void A_records_file_whose_next_line_opens_the_next_record_is_one_document()
    {
        Assert.Equal(["event A", "event B", "event C"], Read("{\"Records\":[{\"eventName\":\"A\"},\n{\"eventName\":\"B\"},\n{\"eventName\":\"C\"}]}\n"));
        Assert.Equal(["event A", "event B"], Read("{\"Records\":[{\"eventName\":\"A\"},\n{\"eventName\":\"B\"}]}\n{\"Records\":[]}\n"));
    }

    [Fact]
    public void Json_lines_whose_first_line_is_cut_inside_a_value_still_lose_only_that_line()
    {
        var items = Read("{\"eventName\":\"A\", \"requestParameters\": {\"x\": [1,\n{\"eventName\":\"B\"}\n{\"eventName\":\"C\"}\n");

        Assert.Equal(3, items.Count);
        Assert.StartsWith("problem line 1: ", items[0], StringComparison.Ordinal);
        Assert.Equal("event B", items[1]);
        Assert.Equal("event C", items[2]);
    }

    [Fact]
    public void A_damaged_record_is_reported_by_index_and_the_other_records_are_read()
    {
        var items = Read("{\"Records\": [{\"eventName\":\"A\"}, {\"eventName\":tru}, {\"eventName\":\"C\"}], \"x\": {\"y\": [1]}}");

        Assert.Equal(3, items.Count);
        Assert.Equal("event A", items[0]);
        Assert.StartsWith("problem record 2: not valid JSON at line 1, byte ", items[1], StringComparison.Ordinal);
        Assert.Equal("event C", items[2]);
    }

    [Fact]
    public void A_records_file_with_other_members_first_is_still_read_as_records()
    {
        Assert.Equal(["event A", "event B"], Read("{\"x\": 1, \"Records\": [{\"eventName\":\"A\"}, {\"eventName\":\"B\"}]}"));
    }

    [Fact]
    public void Arrays_pretty_printed_documents_comments_and_several_values_are_read_in_order()
    {
        var input = "/* log */ [\n  {\"eventName\": \"A\", \"s\": \"}]\\\"{\"},\n  {\"eventName\": \"B\"}\n]\n// next\n{\n  \"eventName\": \"C\"\n}\n";

        Assert.Equal(["event A", "event B", "event C"], Read(input));
    }

    [Fact]
    public void Gzip_json_lines_with_a_damaged_line_are_read_line_by_line()
    {
        var items = Read(Gzip(Encoding.UTF8.GetBytes("{\"eventName\":\"A\"}\n[oops\n{\"eventName\":\"B\"}\n")));

        Assert.Equal(["event A", "problem line 2: not valid JSON at byte 2", "event B"], items);
    }

    [Fact]
    public void Gzip_damaged_part_way_keeps_the_events_before_the_damage_and_says_so_in_one_line()
    {
        var lines = string.Concat(Enumerable.Range(0, 20000).Select(i => $"{{\"eventName\":\"E{i}\",\"n\":{i}}}\n"));
        var gzip = Gzip(Encoding.UTF8.GetBytes(lines));
        for (var i = gzip.Length / 2; i < gzip.Length / 2 + 64; i++)
        {
            gzip[i] ^= 0x5a;
        }

        var items = Read(gzip);

        Assert.Equal("event E0", items[0]);
        Assert.Equal("problem the gzip data is damaged and cannot be decompressed", items[^1]);
        Assert.All(items[..^1], item => Assert.StartsWith("event ", item, StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_larger_than_the_bound_is_refused_in_one_line()
    {
        var huge = "{\"eventName\":\"big\",\"pad\":\"" + new string('x', EventStreamReader.MaxEventBytes) + "\"}";

        var items = Read("{\"Records\":[{\"eventName\":\"A\"}," + huge + "]}");

        Assert.Equal("event A", items[0]);
        Assert.Equal("problem record 2: the event is larger than 16 MiB, far more than EventBridge's 256 KB; it and the rest of the input are not read", items[1]);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void An_over_long_json_line_loses_only_itself()
    {
        var huge = "{\"pad\":\"" + new string('x', EventStreamReader.MaxEventBytes + 10) + "\"}";

        var items = Read("{\"eventName\":\"A\"}\n" + huge + "\n{\"eventName\":\"C\"}\n");

        Assert.Equal(3, items.Count);
        Assert.StartsWith("problem line 2: the event is larger than 16 MiB", items[1], StringComparison.Ordinal);
        Assert.Equal("event C", items[2]);
    }

    [Fact]
    public void A_truncated_records_file_keeps_the_whole_records_and_names_where_it_ends()
    {
        var items = Read("{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B\"},{\"eventNa");

        Assert.Equal("event A", items[0]);
        Assert.Equal("event B", items[1]);
        Assert.StartsWith("problem record 3: not valid JSON at line 1", items[2], StringComparison.Ordinal);
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void Events_come_out_before_the_input_ends()
    {
        using var pipe = new BlockingAfterStream(Encoding.UTF8.GetBytes("{\"eventName\":\"A\"}\n{\"eventName\":\"B\"}\n"));

        using var events = new EventStreamReader(pipe).Read().GetEnumerator();

        Assert.True(events.MoveNext());
        Assert.Equal("event A", "event " + Name(events.Current));
        Assert.False(pipe.ReadPastData, "the first event waited for the end of the input");
    }

    /// <summary>Serves its bytes, then records that the reader asked for more (as if the input were still being written).</summary>
    private sealed class BlockingAfterStream(byte[] data) : MemoryStream(data)
    {
        public bool ReadPastData { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            ReadPastData |= read == 0;
            return read;
        }
    }
}
