using System.Diagnostics;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The text rules' work grows with the text's length, not its square: a long run of backslashes before an escape letter
/// and a secret key (security review 22, S2: 115,000 of them took 19.5 s of CPU, past a small Lambda's timeout) is read
/// once, and what is hidden stays what it was.
/// </summary>
public sealed class TextRedactorLinearTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    /// <summary>Far more than the text rules need for 200 KB read once (milliseconds), far less than a square of it.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("npassword=Hunter2-run")]
    [InlineData("password=Hunter2-run")]
    [InlineData("\"token\\\":\\\"Hunter2-run\\\"")]
    [InlineData("u0070assword=Hunter2-run")]
    public void A_run_of_200_000_backslashes_before_a_secret_key_is_read_in_linear_time(string tail)
    {
        var text = new string('\\', 200_000) + tail;

        var watch = Stopwatch.StartNew();
        var redacted = TextRedactor.Redact(text, Markers);
        watch.Stop();

        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.StartsWith(new string('\\', 200_000), redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_runs_each_before_a_key_are_read_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat(new string('\\', 2_000) + "npass=Hunter2-runs ", 100));

        var watch = Stopwatch.StartNew();
        var redacted = TextRedactor.Redact(text, Markers);
        watch.Stop();

        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reviewers_event_renders_in_every_form_about_as_fast_as_the_same_run_without_a_key_and_hides_the_value()
    {
        // The reviewer's control: the same run with no trigger word after it, which the text rules never read. Both
        // are timed in the same test (after a warm-up), so the machine's load weighs on both alike.
        var notifiers = new Notifier[]
        {
            new(RenderOptions.Default with { ChatCards = true }),
            new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true }),
        };
        var run = new string('\\', 115_000);
        var withKey = TestEvents.SeedWith(d => d["requestParameters"] = new JsonObject { ["note"] = run + "\\npassword=Hunter2x" });
        var withoutKey = TestEvents.SeedWith(d => d["requestParameters"] = new JsonObject { ["note"] = run + "\\nplain=x" });
        RenderAll(notifiers, TestEvents.SeedWith(_ => { }));

        var control = RenderAll(notifiers, withoutKey);
        var watch = Stopwatch.StartNew();
        foreach (var notifier in notifiers)
        {
            var notification = notifier.Notify(withKey);
            Assert.DoesNotContain("Hunter2", notification.Message + notification.Subject + PublishRequestJson.Write(notification) + notification.ChatCard, StringComparison.Ordinal);
        }

        watch.Stop();
        Assert.True(watch.Elapsed < control * 4 + TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalSeconds:F1} s, without the key {control.TotalSeconds:F1} s");
    }

    private static TimeSpan RenderAll(Notifier[] notifiers, byte[] json)
    {
        var watch = Stopwatch.StartNew();
        foreach (var notifier in notifiers)
        {
            var notification = notifier.Notify(json);
            _ = PublishRequestJson.Write(notification);
        }

        return watch.Elapsed;
    }

    [Theory]
    [InlineData("\\\\\\npassword=x1", "\\\\\\npassword=[redacted: 2]")]
    [InlineData("\\\\\\\\token=x1", "\\\\\\\\token=[redacted: 2]")]
    [InlineData("a \\\\\\\\u0070ass=x1 b", "a \\\\\\\\u0070ass=[redacted: 2] b")]
    [InlineData("{\\\\\\\"password\\\\\\\":\\\\\\\"x1\\\\\\\"}", "{\\\\\\\"password\\\\\\\":\\\\\\\"[redacted: 2]\\\\\\\"}")]
    [InlineData("C:\\\\temp\\\\token=x1", "C:\\\\temp\\\\token=[redacted: 2]")]
    [InlineData("\\\\\\\\", "\\\\\\\\")]
    public void What_a_run_of_backslashes_hides_is_unchanged(string text, string expected) =>
        Assert.Equal(expected, TextRedactor.Redact(text, Markers));
}
