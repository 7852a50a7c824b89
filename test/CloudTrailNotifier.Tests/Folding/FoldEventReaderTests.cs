using System.Text;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>Which events form a group, what is a duplicate, which notifications are never folded; hostile strings; redaction.</summary>
public sealed class FoldEventReaderTests
{
    private static readonly string Sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);

    [Fact]
    public void The_key_is_the_CloudTrail_event_id_else_the_EventBridge_id()
    {
        Assert.Equal("903caaaa-7777-4444-9999-example", FoldEventReader.Read(RepositoryFiles.SampleEvent)!.EventKey);
        var withoutId = Sample.Replace("\"eventID\": \"903caaaa-7777-4444-9999-example\",", string.Empty, StringComparison.Ordinal);
        Assert.Equal("09c00000-9999-2222-2222-example", FoldEventReader.Read(Encoding.UTF8.GetBytes(withoutId))!.EventKey);
    }

    [Fact]
    public void Events_differing_only_in_id_time_address_and_agent_share_a_group_and_another_outcome_does_not()
    {
        var one = FoldEventReader.Read(RepositoryFiles.SampleEvent)!;
        var two = FoldEventReader.Read(Encoding.UTF8.GetBytes(Sample.Replace("903caaaa-7777-4444-9999-example", "other", StringComparison.Ordinal)))!;
        var denied = FoldEventReader.Read(Encoding.UTF8.GetBytes(Sample.Replace("\"eventName\": \"GetSecretValue\",",
            "\"eventName\": \"GetSecretValue\", \"errorCode\": \"AccessDenied\",", StringComparison.Ordinal)))!;

        Assert.Equal(one.GroupKey, two.GroupKey);
        Assert.NotEqual(one.GroupKey, denied.GroupKey);
        Assert.Equal(64, one.GroupKey.Length);
    }

    [Fact]
    public void A_scheduled_event_is_recognised_and_a_CloudTrail_event_is_not()
    {
        Assert.True(FoldEventReader.IsScheduledEvent("""{"detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8));
        Assert.False(FoldEventReader.IsScheduledEvent("""{"detail-type":"Scheduled Event","source":"my.app","detail":{}}"""u8));
        Assert.False(FoldEventReader.IsScheduledEvent(RepositoryFiles.SampleEvent));
        Assert.False(FoldEventReader.IsScheduledEvent("not json"u8));
    }

    [Theory]
    [InlineData("secretsmanager-get-secret-value.json", false)]
    [InlineData("cloudtrail-stop-logging.json", true)]
    [InlineData("iam-create-access-key.json", true)]
    public void Reads_fold_and_writes_and_tampering_do_not(string file, bool unfoldable)
    {
        var notification = new Notifier(RenderOptions.Default).Notify(File.ReadAllBytes(RepositoryFiles.Path("events", file)));

        Assert.Equal(unfoldable, FoldingPolicy.IsUnfoldable(notification));
    }
    /// <summary>The review's digest-ua-secret.json: a user agent carrying a token and a password.</summary>
    internal const string SecretAgent = "deploy-bot/1.0 (Authorization: token=ghp_Hunter2DigestLeak) password=Hunter2-ua";

    [Theory]
    [InlineData("\"secretId\": \"\\ud800prod\"", "secretId=\\ud800prod")] // the review's fold-lone-surrogate.json
    [InlineData("\"secret\\udc00Id\": \"prod\"", "secret\\udc00Id=prod")] // a name escaping half a pair
    [InlineData("\"\\ud800\": \"x\", \"bucketName\": \"\\udfffb\"", "bucketName=\\udfffb")]
    public void Half_a_surrogate_pair_in_a_request_parameter_is_read_as_written_and_never_throws(string parameters, string resource)
    {
        var json = Sample.Replace("\"secretId\": \"arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr\"", parameters, StringComparison.Ordinal);
        Assert.NotEqual(Sample, json);

        var evt = FoldEventReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(resource, evt!.Identity.Resource);
    }

    [Theory]
    [InlineData("eventID")]
    [InlineData("userAgent")]
    [InlineData("sourceIPAddress")]
    [InlineData("eventSource")]
    [InlineData("eventName")]
    [InlineData("recipientAccountId")]
    [InlineData("awsRegion")]
    [InlineData("errorCode")]
    [InlineData("arn")]
    public void Half_a_surrogate_pair_in_any_field_folding_reads_is_read_as_written(string field)
    {
        var json = Sample.Contains($"\"{field}\": \"", StringComparison.Ordinal)
            ? Regex.Replace(Sample, $"\"{field}\": \"[^\"]*\"", $"\"{field}\": \"\\ud800x\\udc00\"")
            : Sample.Replace("\"eventName\": \"GetSecretValue\",", $"\"eventName\": \"GetSecretValue\", \"{field}\": \"\\ud800x\\udc00\",", StringComparison.Ordinal);

        var evt = FoldEventReader.Read(Encoding.UTF8.GetBytes(json))!;

        var read = string.Join('|', evt.EventKey, evt.UserAgent, evt.SourceAddress, evt.Identity);
        Assert.Contains("\\ud800x\\udc00", read, StringComparison.Ordinal);
        Assert.DoesNotContain(read, char.IsSurrogate);
        Assert.Equal(64, evt.GroupKey.Length);
    }

    [Fact]
    public void A_long_value_is_cut_without_splitting_a_surrogate_pair()
    {
        var agent = new string('a', 255) + "\U0001F600" + "tail";
        var json = ReplaceValue(Sample, "userAgent", agent);

        var evt = FoldEventReader.Read(Encoding.UTF8.GetBytes(json))!;

        Assert.Equal(new string('a', 255), evt.UserAgent);
    }

    [Fact]
    public void The_function_s_notifier_hands_folding_the_facts_of_the_redacted_event_with_the_message_s_markers()
    {
        var bytes = Encoding.UTF8.GetBytes(ReplaceValue(Sample, "userAgent", SecretAgent));

        var english = new Notifier(RenderOptions.Default, FoldEventReader.Read).Notify(bytes);
        var japanese = new Notifier(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc), FoldEventReader.Read).Notify(bytes);

        Assert.Equal("deploy-bot/1.0 (Authorization: [redacted: 48 characters]", english.Fold!.UserAgent);
        Assert.Contains(english.Fold.UserAgent!, english.Message, StringComparison.Ordinal);
        Assert.Contains("[秘匿: 48 文字]", japanese.Fold!.UserAgent, StringComparison.Ordinal);
        Assert.Equal("903caaaa-7777-4444-9999-example", english.Fold.EventKey);
        Assert.Null(new Notifier(RenderOptions.Default).Notify(bytes).Fold); // the command line reads no fold facts
    }

    [Fact]
    public void An_event_that_is_not_JSON_has_no_fold_facts_and_one_whose_facts_cannot_be_read_is_still_notified()
    {
        var throwing = new Notifier(RenderOptions.Default, _ => throw new InvalidOperationException("boom"));

        Assert.Null(new Notifier(RenderOptions.Default, FoldEventReader.Read).Notify("{not json"u8.ToArray()).Fold);
        var notification = throwing.Notify(RepositoryFiles.SampleEvent);
        Assert.Null(notification.Fold);
        Assert.Contains("GetSecretValue", notification.Subject, StringComparison.Ordinal);
    }

    internal static string ReplaceValue(string json, string field, string value)
    {
        var start = json.IndexOf($"\"{field}\": \"", StringComparison.Ordinal) + field.Length + 5;
        var end = json.IndexOf('"', start);
        return json[..start] + value + json[end..];
    }
}
