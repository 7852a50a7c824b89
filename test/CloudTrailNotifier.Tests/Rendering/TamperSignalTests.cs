using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>A tampering call is marked first, in the subject, the signals and the message attributes, in both languages.</summary>
public sealed class TamperSignalTests
{
    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;
    private static readonly Notifier English = new(RenderOptions.Default with { TamperWatch = Stack });
    private static readonly Notifier Japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese, TamperWatch = Stack });

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, name + ".json"));

    [Fact]
    public void Stopping_a_trail_reads_as_tampering_first_in_english_and_japanese()
    {
        var english = English.Notify(Sample("cloudtrail-stop-logging"));
        var japanese = Japanese.Notify(Sample("cloudtrail-stop-logging"));

        Assert.Equal("[CRITICAL][TAMPERING] StopLogging on management-events by Admin/mallory (111111111111)", english.Subject);
        Assert.StartsWith("[重大][改ざん] ", japanese.Subject, StringComparison.Ordinal);
        Assert.Contains("management-events", japanese.Subject, StringComparison.Ordinal);
        Assert.Contains("\n  ! Tampering: this call stops or weakens CloudTrail logging (trail management-events)", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  ! 改ざん: この呼び出しは CloudTrail の記録を止めるか弱めます (証跡 management-events)", japanese.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signals_attribute_starts_with_tampering_so_a_filter_policy_can_route_it()
    {
        var notification = English.Notify(TestEvents.SeedWith(detail =>
        {
            detail["eventSource"] = "events.amazonaws.com";
            detail["eventName"] = "DeleteRule";
            detail["requestParameters"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "cloudtrail-notifier-tamper" };
            detail["errorCode"] = "AccessDenied";
        }));

        var signals = Assert.Single(notification.Attributes, a => a.Name == "signals").Value;
        Assert.StartsWith("Tampering,AccessDenied", signals, StringComparison.Ordinal);
        Assert.StartsWith("[HIGH][TAMPERING][DENIED]", notification.Subject, StringComparison.Ordinal);
        Assert.True(notification.Attributes.Count <= MessageAttributesBuilder.MaxAttributes);
    }

    [Fact]
    public void A_change_to_another_stacks_rule_carries_no_tampering_mark()
    {
        var notification = English.Notify(TestEvents.SeedWith(detail =>
        {
            detail["eventSource"] = "events.amazonaws.com";
            detail["eventName"] = "DisableRule";
            detail["requestParameters"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "cloudtrail-notifier-dev-watch" };
        }));

        Assert.DoesNotContain("TAMPERING", notification.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(notification.Attributes, a => a.Name == "signals" && a.Value.Contains("Tampering", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tampering_tag_survives_when_the_subject_must_be_shortened()
    {
        var notification = English.Notify(TestEvents.SeedWith(detail =>
        {
            detail["eventSource"] = "cloudtrail.amazonaws.com";
            detail["eventName"] = "PutEventSelectors";
            detail["requestParameters"] = new System.Text.Json.Nodes.JsonObject { ["trailName"] = new string('t', 120) };
            detail["errorCode"] = "AccessDenied";
            detail["sessionCredentialFromConsole"] = "true";
        }));

        Assert.StartsWith("[HIGH][TAMPERING]", notification.Subject, StringComparison.Ordinal);
        Assert.True(notification.Subject.Length < 100, notification.Subject);
    }

    [Fact]
    public void A_change_made_through_cloudformation_says_so()
    {
        var notification = English.Notify(Sample("lambda-update-function-configuration-sam-deploy"));

        Assert.StartsWith("[HIGH][TAMPERING][AWS SERVICE] UpdateFunctionConfiguration2015", notification.Subject, StringComparison.Ordinal);
        Assert.Contains("It was made through CloudFormation, as during a deployment of the stack (sam deploy).", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_watch_list_only_trail_calls_are_tampering()
    {
        var plain = new Notifier(RenderOptions.Default);

        Assert.StartsWith("[CRITICAL][TAMPERING]", plain.Notify(Sample("cloudtrail-stop-logging")).Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("TAMPERING", plain.Notify(Sample("events-disable-rule-tamper-watch")).Subject, StringComparison.Ordinal);
    }
}
