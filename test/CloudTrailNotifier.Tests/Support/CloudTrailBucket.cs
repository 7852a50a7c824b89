using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A bucket in moto laid out as CloudTrail writes it: two accounts (one through an organization trail), two Regions,
/// several days, gzip log files made from corpus records, a digest file, objects that are not logs and damaged ones.
/// Every record's eventID names it (<c>ev-REGION-DAY-N</c>), so tests can tell which were read and in which order.
/// </summary>
internal sealed class CloudTrailBucket
{
    public const string Account = "111111111111";
    public const string OrgAccount = "222222222222";
    public const string Organization = "o-exampleorg1";

    private readonly List<(string Key, byte[] Body)> _objects = [];
    private readonly Dictionary<string, string[]> _eventIds = [];
    private readonly Dictionary<string, DateTimeOffset> _times = [];
    private int _corpusIndex;

    public CloudTrailBucket(string name)
    {
        Name = name;
        var trail = $"AWSLogs/{Account}/CloudTrail";
        Log($"{trail}/us-east-1/2026/11/28/{Account}_CloudTrail_us-east-1_20261128T0905Z_a.json.gz", gzip: true, "2026-11-28T08:55:00Z", "2026-11-28T09:00:00Z");
        // Delivered just after midnight: a record of the evening before sits in the next day's folder.
        Log($"{trail}/us-east-1/2026/11/29/{Account}_CloudTrail_us-east-1_20261129T0010Z_b.json.gz", gzip: true, "2026-11-28T23:58:00Z", "2026-11-29T00:05:00Z");
        // gzip under a .json name: the magic bytes decide, not the suffix.
        Log($"{trail}/us-east-1/2026/11/29/{Account}_CloudTrail_us-east-1_20261129T1500Z_c.json", gzip: true, "2026-11-29T14:50:00Z");
        Log($"{trail}/us-east-1/2026/11/30/{Account}_CloudTrail_us-east-1_20261130T1200Z_e.json", gzip: false, "2026-11-30T11:50:00Z");
        Log($"{trail}/eu-west-1/2026/11/29/{Account}_CloudTrail_eu-west-1_20261129T1205Z_f.json.gz", gzip: true, "2026-11-29T12:00:00Z", "2026-11-29T12:01:00Z");
        Log($"AWSLogs/{Organization}/{OrgAccount}/CloudTrail/us-east-1/2026/11/29/{OrgAccount}_CloudTrail_us-east-1_20261129T0805Z_g.json.gz", gzip: true, "2026-11-29T08:00:00Z");

        DamagedGzipKey = $"{trail}/us-east-1/2026/11/30/{Account}_CloudTrail_us-east-1_20261130T0905Z_d.json.gz";
        _objects.Add((DamagedGzipKey, [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x11, 0x22]));

        DamagedRecordKey = $"{trail}/us-east-1/2026/11/30/{Account}_CloudTrail_us-east-1_20261130T1805Z_h.json.gz";
        var good = Record("ev-us-east-1-30-h2", "2026-11-30T18:00:00Z");
        _eventIds[DamagedRecordKey] = ["ev-us-east-1-30-h2"];
        _times["ev-us-east-1-30-h2"] = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);
        _objects.Add((DamagedRecordKey, Gzip("{\"Records\":[{\"eventTime\": \"2026-11-30T17:59:00Z\", \"eventName\": tru}," + good + "]}")));

        _objects.Add(($"AWSLogs/{Account}/CloudTrail-Digest/us-east-1/2026/11/29/{Account}_CloudTrail-Digest_us-east-1_trail_us-east-1_20261129T0100Z.json.gz",
            Gzip("{\"awsAccountId\":\"111111111111\",\"digestStartTime\":\"2026-11-29T00:00:00Z\",\"logFiles\":[]}")));
        _objects.Add(($"{trail}/us-east-1/2026/11/29/README.txt", Encoding.UTF8.GetBytes("not a log")));
        _objects.Add(($"{trail}/us-east-1/2026/11/29/{Account}_CloudTrail_us-east-1_20261129T1600Z_settings.json", Encoding.UTF8.GetBytes("{\"retention\": 90}")));
    }

    public string Name { get; }

    public string DamagedGzipKey { get; }

    public string DamagedRecordKey { get; }

    /// <summary>The readable records' event ids, in key order of their objects.</summary>
    public IReadOnlyList<string> EventIdsInKeyOrder =>
        _eventIds.OrderBy(pair => pair.Key, StringComparer.Ordinal).SelectMany(pair => pair.Value).ToList();

    /// <summary>The event ids whose eventTime is in [since, until).</summary>
    public IReadOnlyList<string> EventIdsBetween(DateTimeOffset since, DateTimeOffset until) =>
        EventIdsInKeyOrder.Where(id => _times[id] >= since && _times[id] < until).ToList();

    public static AmazonS3Client Client(MotoServer moto) => new(
        new BasicAWSCredentials(moto.AccessKeyId, moto.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = MotoServer.Region,
            ForcePathStyle = true,
        });

    public async Task CreateAsync(MotoServer moto)
    {
        using var client = Client(moto);
        await client.PutBucketAsync(new PutBucketRequest { BucketName = Name });
        foreach (var (key, body) in _objects)
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, InputStream = new MemoryStream(body), UseChunkEncoding = false });
        }
    }

    private void Log(string key, bool gzip, params string[] times)
    {
        var day = key.Split('/')[^2];
        var region = key.Split('/')[^5];
        var letter = key.Split('_')[^1].Split('.')[0];
        var ids = times.Select((_, i) => $"ev-{region}-{day}-{letter}{i + 1}").ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            _times[ids[i]] = DateTimeOffset.Parse(times[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        _eventIds[key] = ids;
        var json = "{\"Records\":[" + string.Join(",", ids.Select((id, i) => Record(id, times[i]))) + "]}";
        _objects.Add((key, gzip ? Gzip(json) : Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>A corpus record (the next one in turn) with its eventID and eventTime replaced.</summary>
    private string Record(string eventId, string time)
    {
        var records = Corpus.All;
        var detail = JsonNode.Parse(records[_corpusIndex++ % records.Count].Json)!["detail"]!.DeepClone().AsObject();
        detail["eventID"] = eventId;
        detail["eventTime"] = time;
        return detail.ToJsonString();
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
