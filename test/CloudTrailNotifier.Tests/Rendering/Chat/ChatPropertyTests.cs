using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Tests.Support;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Rendering.Chat;

/// <summary>Chat cards of real events, mutated at random and given hostile text: always valid, never an injection.</summary>
public sealed class ChatPropertyTests
{
    private static readonly Notifier English = new(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.Utc) { ChatCards = true });
    private static readonly Notifier Japanese = new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")) { ChatCards = true });

    [Property(Arbitrary = [typeof(EventMutations)], MaxTest = 200)]
    public void Mutated_events_give_valid_cards_in_both_languages(EventMutation mutation)
    {
        var bytes = mutation.Apply();
        foreach (var renderer in new[] { English, Japanese })
        {
            var notification = renderer.Notify(bytes);

            ChatCardInvariants.AssertValid(notification.ChatCard!, mutation.ToString());
        }
    }

    [Property(Arbitrary = [typeof(ChatHostile)], MaxTest = 300)]
    public void Hostile_text_anywhere_in_an_event_cannot_mention_link_format_or_forge_a_line(EventMutation mutation)
    {
        var bytes = mutation.Apply();
        foreach (var renderer in new[] { English, Japanese })
        {
            var card = ChatCardInvariants.AssertValid(renderer.Notify(bytes).ChatCard!, mutation.ToString());
            var description = card.GetProperty("content").GetProperty("description").GetString()!;

            // The program's own lines only: a line never begins with the event's text outside a code span.
            foreach (var line in description.Split('\n'))
            {
                Assert.False(line.StartsWith(EventMutation.Marker, StringComparison.Ordinal), $"{mutation}: forged line '{line}'");
            }
        }
    }

    [Property(Arbitrary = [typeof(ChatHostile)], MaxTest = 500)]
    public void A_code_span_holds_any_text_and_cannot_be_closed_or_escaped(string hostile)
    {
        var code = ChatMarkdown.Code(hostile, 256);
        if (string.IsNullOrWhiteSpace(hostile))
        {
            Assert.Null(code);
            return;
        }

        Assert.NotNull(code);
        Assert.StartsWith("`", code, StringComparison.Ordinal);
        Assert.EndsWith("`", code, StringComparison.Ordinal);
        var inner = code[1..^1];
        Assert.DoesNotContain('`', inner);
        Assert.DoesNotContain('\n', inner);
        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain('>', inner);
        Assert.DoesNotContain("http://", inner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", inner, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@here", inner, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", inner, StringComparison.Ordinal);
        Assert.True(inner.Length <= 256 * 8, "cut to its limit (escapes take up to ten characters each)");
    }

    [Property(Arbitrary = [typeof(ChatHostile)], MaxTest = 300)]
    public void Every_code_span_in_a_line_touches_only_spaces_punctuation_or_the_line_ends(string before, string after)
    {
        var line = ChatMarkdown.SpaceCodeSpans($"*Who:*{ChatMarkdown.Plain(before, 64)}{ChatMarkdown.Code("x", 8)}が{ChatMarkdown.Code(after, 64) ?? "-"}の");

        var inside = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '`')
            {
                continue;
            }

            var neighbour = inside ? (i + 1 < line.Length ? line[i + 1] : ' ') : (i > 0 ? line[i - 1] : ' ');
            Assert.False(char.IsLetterOrDigit(neighbour), $"'{neighbour}' touches a code span in '{line}'");
            inside = !inside;
        }

        Assert.False(inside, $"unpaired backtick in '{line}'");
        Assert.Contains("`x` が", line, StringComparison.Ordinal);
    }
}
