using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>Real events, mutated and truncated at random: the invariants hold for all of them.</summary>
public sealed class PropertyTests
{
    private static readonly Notifier English = new(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
    private static readonly Notifier Japanese = new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    [Property(Arbitrary = [typeof(EventMutations)], MaxTest = 400)]
    public void Mutated_events_render_within_every_limit_in_both_languages(EventMutation mutation)
    {
        var bytes = mutation.Apply();

        foreach (var (renderer, language) in new[] { (English, NotificationLanguage.English), (Japanese, NotificationLanguage.Japanese) })
        {
            var notification = renderer.Notify(bytes);

            NotificationInvariants.AssertValid(notification, language, mutation.ToString());
            AssertNoLineStartsWithMarker(notification, mutation);
            Assert.DoesNotContain("the formatter failed", notification.Message, StringComparison.Ordinal);
        }
    }

    [Property(Arbitrary = [typeof(EventMutations)], MaxTest = 300)]
    public void Any_text_in_any_field_stays_on_its_line(string hostile)
    {
        var mutation = new EventMutation(EventIndex: hostile.Length, MutationKind.IdentityFieldsHostile, Target: 0, Text: hostile, Amount: 0);
        var notification = English.Notify(mutation.Apply());

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, mutation.ToString());
        AssertNoLineStartsWithMarker(notification, mutation);
        Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
    }

    private static void AssertNoLineStartsWithMarker(Notification notification, EventMutation mutation)
    {
        // Line 1 is the headline, which may begin with the caller's (attacker-chosen) name.
        var lines = notification.Message.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            Assert.False(
                lines[i].TrimStart().StartsWith(EventMutation.Marker, StringComparison.Ordinal),
                $"{mutation}: line {i + 1} was forged: '{lines[i]}'");
        }
    }
}
