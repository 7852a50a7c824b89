using System.IO.Compression;
using System.Text;
using CloudTrailNotifier.LogFiles;

namespace CloudTrailNotifier.Tests.LogFiles;

public sealed class LogFileSnifferTests
{
    private const string Log = """{"Records":[{"eventName":"X"}]}""";

    [Theory]
    [InlineData(Log, true)]
    [InlineData("\uFEFF \n{ \"Records\" : []}", true)]
    [InlineData("""{"awsAccountId":"111111111111","logFiles":[]}""", false)]
    [InlineData("""{"RecordsX":[]}""", false)]
    [InlineData("not json", false)]
    [InlineData("", false)]
    public void A_log_is_known_by_its_start_gzip_or_not(string content, bool isLog)
    {
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(content), Gzip(content) })
        {
            using var stream = LogFileSniffer.Open(new MemoryStream(bytes), out var kind, out var problem);

            Assert.Equal(isLog ? LogFileKind.Log : LogFileKind.NotLog, kind);
            Assert.Null(problem);
            Assert.Equal(isLog, stream is not null);
            if (stream is not null)
            {
                Assert.Equal(content, new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false).ReadToEnd().TrimStart('\uFEFF').Insert(0, content.StartsWith('\uFEFF') ? "\uFEFF" : string.Empty));
            }
        }
    }

    [Fact]
    public void A_damaged_gzip_is_unreadable_with_one_sentence()
    {
        byte[] damaged = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0xde, 0xad, 0xbe, 0xef];

        var stream = LogFileSniffer.Open(new MemoryStream(damaged), out var kind, out var problem);

        Assert.Null(stream);
        Assert.Equal(LogFileKind.Unreadable, kind);
        Assert.Equal("the gzip data is damaged and cannot be decompressed", problem);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
