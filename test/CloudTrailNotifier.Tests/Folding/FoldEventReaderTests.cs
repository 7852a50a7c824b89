using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>Which events form a group, what is a duplicate, which notifications are never folded.</summary>
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
}
