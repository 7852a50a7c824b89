using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class LimitsTests
{
    private readonly Notifier _english = new(RenderOptions.Default);
    private readonly Notifier _japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese });

    [Fact]
    public void Three_hundred_kilobytes_of_request_parameters_fit_and_the_cut_is_stated()
    {
        var bytes = TestEvents.SeedWith(detail =>
        {
            var parameters = new JsonObject { ["secretId"] = "sample/secret" };
            for (var i = 0; i < 300; i++)
            {
                parameters[$"p{i}"] = new string('é', 1000);
            }

            detail["requestParameters"] = parameters;
        });
        Assert.True(bytes.Length > 300_000);

        foreach (var (renderer, language) in new[] { (_english, NotificationLanguage.English), (_japanese, NotificationLanguage.Japanese) })
        {
            var notification = renderer.Notify(bytes);

            NotificationInvariants.AssertValid(notification, language, "300 KB");
            Assert.Contains(language == NotificationLanguage.English ? "cut short" : "途中で省略", notification.Message, StringComparison.Ordinal);
            Assert.Contains("more characters not shown", _english.Notify(bytes).Message, StringComparison.Ordinal);
            Assert.Contains("sample/secret", notification.Subject, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(3000)]
    public void Deeply_nested_parameters_render_with_a_note_where_nesting_was_cut(int depth)
    {
        var json = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            json.Append(i % 2 == 0 ? "{\"level\":" : "[");
        }

        json.Append("\"bottom\"");
        for (var i = depth - 1; i >= 0; i--)
        {
            json.Append(i % 2 == 0 ? '}' : ']');
        }

        var seed = File.ReadAllText(TestEvents.SeedPath);
        var bytes = Encoding.UTF8.GetBytes(seed.Replace("\"requestParameters\": {", $"\"requestParameters\": {{\"deep\": {json},", StringComparison.Ordinal));

        var notification = _english.Notify(bytes);

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, $"depth {depth}");
        Assert.Contains("nested deeper; not shown", notification.Message, StringComparison.Ordinal);
        Assert.StartsWith("[CONSOLE] GetSecretValue", notification.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_what_the_parser_accepts_still_yields_a_notification_with_the_raw_event()
    {
        var json = new StringBuilder("{\"detail\":{\"eventName\":\"GetSecretValue\",\"requestParameters\":");
        json.Append('[', 10_000).Append(']', 10_000).Append("}}");

        var notification = _english.Notify(Encoding.UTF8.GetBytes(json.ToString()));

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "depth 10000");
        Assert.StartsWith("[UNREADABLE]", notification.Subject, StringComparison.Ordinal);
        Assert.Contains("  | {\"detail\":{\"eventName\":\"GetSecretValue\"", notification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"detail\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("{\"detail\": \"a string\"}")]
    [InlineData("")]
    public void Input_that_cannot_be_interpreted_still_yields_a_notification_that_says_so(string input)
    {
        foreach (var (renderer, language) in new[] { (_english, NotificationLanguage.English), (_japanese, NotificationLanguage.Japanese) })
        {
            var notification = renderer.Notify(Encoding.UTF8.GetBytes(input));

            NotificationInvariants.AssertValid(notification, language, input);
            Assert.Equal(CloudTrailNotifier.Rendering.Languages.Texts.For(language).FallbackSubject, notification.Subject);
            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            if (input.Length > 0)
            {
                Assert.Contains("  | " + input, notification.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_huge_uninterpretable_event_is_cut_with_a_note_of_what_was_left_out()
    {
        var input = "not json " + new string('x', 500_000);

        var notification = _english.Notify(Encoding.UTF8.GetBytes(input));

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "500 KB of text");
        Assert.Contains("more bytes not shown", notification.Message, StringComparison.Ordinal);
    }
}
