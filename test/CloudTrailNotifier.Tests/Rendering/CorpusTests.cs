using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>The whole real-shaped corpus renders, in both languages, within every limit.</summary>
public sealed class CorpusTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Every_corpus_event_renders_within_limits_and_is_interpreted(string code)
    {
        Assert.True(RenderOptions.TryParseLanguage(code, out var language));
        var renderer = new Notifier(new RenderOptions(language, Tokyo));
        var fallbackSubject = CloudTrailNotifier.Rendering.Languages.Texts.For(language).FallbackSubject;
        var events = Corpus.All;

        Assert.True(events.Count >= 745, $"corpus has only {events.Count} events");
        foreach (var corpusEvent in events)
        {
            var notification = renderer.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json));

            NotificationInvariants.AssertValid(notification, language, corpusEvent.Name);
            Assert.True(
                notification.Subject != fallbackSubject,
                $"{corpusEvent.Name} was not interpreted:\n{notification.Message[..Math.Min(600, notification.Message.Length)]}");
        }
    }

    [Fact]
    public void Corpus_events_whose_identity_names_someone_name_them_in_the_subject()
    {
        var renderer = new Notifier(RenderOptions.Default);
        var unnamed = new List<string>();
        var named = 0;
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            var detail = document.RootElement.GetProperty("detail");
            if (!detail.TryGetProperty("userIdentity", out var identity) || identity.ValueKind != JsonValueKind.Object
                || !new[] { "userName", "arn", "principalId", "invokedBy", "onBehalfOf" }.Any(name =>
                    identity.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && value.ToString() is { Length: > 0 } and not "null"))
            {
                continue;
            }

            named++;
            var notification = renderer.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json));
            if (notification.Subject.Contains("unknown caller", StringComparison.Ordinal))
            {
                unnamed.Add(corpusEvent.Name);
            }
        }

        Assert.True(named > 600, $"only {named} corpus events name a caller");
        Assert.Empty(unnamed);
    }
}
