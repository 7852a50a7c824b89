using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Tests.Folding;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering.Chat;

/// <summary>The card's contract beyond the golden files: the whole corpus, threads, the fallback and digests.</summary>
public sealed class ChatCardTests
{
    private static readonly RenderOptions English = RenderOptions.Default with { ChatCards = true };
    private static readonly RenderOptions Japanese = new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true };
    private static readonly string Seed = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);

    [Fact]
    public void Every_corpus_event_gives_a_valid_card_in_both_languages()
    {
        foreach (var options in new[] { English, Japanese })
        {
            var notifier = new Notifier(options);
            foreach (var corpusEvent in Corpus.All)
            {
                var notification = notifier.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json));
                ChatCardInvariants.AssertValid(notification.ChatCard!, corpusEvent.Name);
            }
        }
    }

    [Fact]
    public void Without_chat_no_card_is_rendered()
    {
        Assert.Null(new Notifier(RenderOptions.Default).Notify(RepositoryFiles.SampleEvent).ChatCard);
    }

    [Fact]
    public void The_same_actor_and_resource_share_a_thread_and_another_resource_or_actor_does_not()
    {
        var first = Thread(Seed.Replace("903caaaa-7777-4444-9999-example", "a-1", StringComparison.Ordinal));
        var repeat = Thread(Seed.Replace("903caaaa-7777-4444-9999-example", "a-2", StringComparison.Ordinal).Replace("08:29:48", "08:31:00", StringComparison.Ordinal));
        var otherSecret = Thread(Seed.Replace("sample/secret", "other/secret", StringComparison.Ordinal));
        var otherActor = Thread(Seed.Replace("role/cm-kawahara.masahiro", "role/someone-else", StringComparison.Ordinal));

        Assert.Equal(first, repeat);
        Assert.NotEqual(first, otherSecret);
        Assert.NotEqual(first, otherActor);
        Assert.NotEqual(otherSecret, otherActor);
    }

    [Fact]
    public void A_digest_threads_with_the_events_it_folds()
    {
        using var document = JsonDocument.Parse(Seed);
        var identity = FoldEventReader.Identity(document.RootElement);
        var group = DigestRendererTests.Group() with { Identity = identity };

        var digest = DigestRenderer.Render(group, English);

        var card = ChatCardInvariants.AssertValid(digest.ChatCard!, "digest");
        Assert.Equal(Thread(Seed), card.GetProperty("metadata").GetProperty("threadId").GetString());
        Assert.Contains("37 more", card.GetProperty("content").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("digest", card.GetProperty("content").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void A_digest_card_reads_as_approved(string language)
    {
        Assert.True(RenderOptions.TryParseLanguage(language, out var lang));
        var digest = DigestRenderer.Render(DigestRendererTests.Group(), new RenderOptions(lang, TimeZoneInfo.Utc) { ChatCards = true });

        var card = ChatCardInvariants.AssertValid(digest.ChatCard!, "digest");
        Golden.Verify($"Digests/chat-digest-secretsmanager-get-secret-value.{language}", ChatGoldenTests.Readable(digest.ChatCard!, card));
    }

    [Fact]
    public void An_event_that_cannot_be_interpreted_still_gives_a_card_that_says_so_and_hides_its_secrets()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"detail": "not a record", "password": "hunter2-PLANTED", "note": "<!here> `x` [a](http://evil.example)"}""");

        var notification = new Notifier(English).Notify(bytes);

        var card = ChatCardInvariants.AssertValid(notification.ChatCard!, "fallback");
        var description = card.GetProperty("content").GetProperty("description").GetString()!;
        Assert.Contains("could not interpret", description, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", notification.ChatCard!, StringComparison.Ordinal);
        Assert.Contains("uninterpretable", card.GetProperty("content").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public void Bytes_that_are_not_json_still_give_a_card()
    {
        var notification = new Notifier(Japanese).Notify(Encoding.UTF8.GetBytes("{\"eventName\": \"Get<!channel>"));

        ChatCardInvariants.AssertValid(notification.ChatCard!, "not json");
    }

    [Fact]
    public void A_description_over_its_budget_leaves_whole_lines_out_says_how_many_and_keeps_its_closing_lines()
    {
        var layout = new ChatLayout(["<https://console.aws.amazon.com/x|link>", "closing"], maxChars: 400);
        for (var i = 0; i < 20; i++)
        {
            layout.Field($"Line {i:00}", new string('x', 30));
        }

        var description = layout.Finish(n => $"({n} left out)");

        Assert.True(description.Length <= 400, $"{description.Length} characters");
        var lines = description.Split('\n');
        Assert.Equal(["<https://console.aws.amazon.com/x|link>", "closing"], lines[^2..]);
        var kept = lines.Count(l => l.StartsWith("*Line ", StringComparison.Ordinal));
        Assert.Equal($"({20 - kept} left out)", lines[^3]);
        Assert.True(kept is > 0 and < 20);
        Assert.All(lines.Where(l => l.StartsWith("*Line ", StringComparison.Ordinal)), l => Assert.EndsWith(new string('x', 30), l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_is_shown_in_a_code_span_with_its_mentions_and_links_broken()
    {
        Assert.Equal("`＠here ‹＠U1› http[:]//x alice@example[.]com ˋ*b*ˋ`", ChatMarkdown.Code("@here <@U1> http://x alice@example.com `*b*`", 100));
        Assert.Equal("`reset at aws-login.example[.]co[.]uk/now, v2.13.5 bob.ross`", ChatMarkdown.Code("reset at aws-login.example.co.uk/now, v2.13.5 bob.ross", 100));
        Assert.Equal("see evil［.］com", ChatMarkdown.Plain("see evil.com", 100));
        Assert.Equal("`a\\nb`", ChatMarkdown.Code("a\nb", 100));
        Assert.Equal("`see www[.]evil.example and WWW[.]x`", ChatMarkdown.Code("see www.evil.example and WWW.x", 100));
        Assert.Equal("see www［.］evil.example", ChatMarkdown.Plain("see www.evil.example", 100));
        Assert.Null(ChatMarkdown.Code("  ", 100));
        Assert.Equal("∗b∗ ＿i＿ ［x］(y)", ChatMarkdown.Plain("*b* _i_ [x](y)", 100));
        Assert.Null(ChatMarkdown.Link("https://x.example/a|b", "label"));
        Assert.Null(ChatMarkdown.Link("http://x.example/", "label"));
        Assert.Equal("<https://x.example/a|label>", ChatMarkdown.Link("https://x.example/a", "label"));
    }

    private static string Thread(string json)
    {
        var card = new Notifier(English).Notify(Encoding.UTF8.GetBytes(json)).ChatCard!;
        return JsonDocument.Parse(card).RootElement.GetProperty("metadata").GetProperty("threadId").GetString()!;
    }
}
