using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// What every chat card must be: a custom notification Amazon Q accepts (version, source, id, textType, title,
/// description, the metadata), small, and safe: in the markdown fields every backtick pairs up, text outside code
/// spans carries no mention, link or control sequence except the program's own console links, text inside a span
/// cannot close it or link or mention by itself, and no field holds a line break an event could have added.
/// </summary>
internal static partial class ChatCardInvariants
{
    /// <summary>Far inside SNS's 262,144 bytes: the card is a short summary, the email carries the rest.</summary>
    public const int MaxCardBytes = 16 * 1024;

    public static JsonElement AssertValid(string card, string context)
    {
        Assert.True(Encoding.UTF8.GetByteCount(card) <= MaxCardBytes, $"{context}: card of {Encoding.UTF8.GetByteCount(card)} bytes");
        Assert.DoesNotContain('\n', card);
        using var document = JsonDocument.Parse(card);
        var root = document.RootElement.Clone();
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("custom", root.GetProperty("source").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("id").GetString()), context);
        var content = root.GetProperty("content");
        Assert.Equal("client-markdown", content.GetProperty("textType").GetString());
        var title = content.GetProperty("title").GetString()!;
        var description = content.GetProperty("description").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(title), context);
        Assert.False(string.IsNullOrWhiteSpace(description), context);
        Assert.True(title.Length <= CloudTrailNotifier.Rendering.Chat.ChatCardRenderer.MaxTitleChars, $"{context}: title of {title.Length} characters");
        Assert.True(description.Length <= 3000, $"{context}: description of {description.Length} characters");
        Assert.DoesNotContain('\n', title);

        var metadata = root.GetProperty("metadata");
        Assert.Matches("^ctn-[0-9a-f]{32}$", metadata.GetProperty("threadId").GetString()!);
        var plain = new List<string> { metadata.GetProperty("summary").GetString()!, metadata.GetProperty("eventType").GetString()! };
        plain.AddRange(content.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!));
        plain.AddRange(metadata.GetProperty("relatedResources").EnumerateArray().Select(r => r.GetString()!));

        AssertSafeMarkdown(title, context + " (title)");
        foreach (var line in description.Split('\n'))
        {
            AssertSafeMarkdown(line, context + " (description)");
        }

        foreach (var value in plain)
        {
            AssertSafePlain(value, context);
        }

        return root;
    }

    /// <summary>Every text of the card outside the code spans, where only the program writes.</summary>
    public static IEnumerable<string> OutsideCode(string line)
    {
        var parts = line.Split('`');
        for (var i = 0; i < parts.Length; i += 2)
        {
            yield return parts[i];
        }
    }

    private static void AssertSafeMarkdown(string line, string context)
    {
        AssertNoUnsafeCharacter(line, context);
        var parts = line.Split('`');
        Assert.True(parts.Length % 2 == 1, $"{context}: unpaired backtick in '{line}'");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i % 2 == 1)
            {
                // Inside a span: nothing that links or mentions without markdown either.
                Assert.True(part.Length > 0, $"{context}: empty code span in '{line}'");
                Assert.DoesNotContain('<', part);
                Assert.DoesNotContain('>', part);
                Assert.False(LinkScheme().IsMatch(part), $"{context}: a linkable address in '{part}'");
                Assert.False(WordStartAt().IsMatch(part), $"{context}: a mention-like @ in '{part}'");
                Assert.False(Broadcast().IsMatch(part), $"{context}: a channel-wide mention in '{part}'");
                continue;
            }

            var withoutLinks = ProgramLink().Replace(part, string.Empty);
            Assert.DoesNotContain('<', withoutLinks);
            Assert.DoesNotContain('>', withoutLinks);
            Assert.DoesNotContain("](", withoutLinks, StringComparison.Ordinal);
            Assert.DoesNotContain("://", withoutLinks, StringComparison.Ordinal);
            Assert.DoesNotContain('@', withoutLinks);
            Assert.DoesNotContain(Rendering.EventMutation.Marker, withoutLinks, StringComparison.Ordinal);
        }
    }

    private static void AssertSafePlain(string value, string context)
    {
        AssertNoUnsafeCharacter(value, context);
        Assert.DoesNotContain('\n', value);
        foreach (var c in "`<>*_~|[]")
        {
            Assert.False(value.Contains(c, StringComparison.Ordinal), $"{context}: '{c}' in plain field '{value}'");
        }

        Assert.False(LinkScheme().IsMatch(value), $"{context}: a linkable address in '{value}'");
        Assert.False(WordStartAt().IsMatch(value), $"{context}: a mention-like @ in '{value}'");
    }

    private static void AssertNoUnsafeCharacter(string text, string context)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Assert.False(SafeText.IsUnsafe(char.ConvertToUtf32(c, text[++i])), $"{context}: unsafe character in '{text}'");
                continue;
            }

            Assert.False(c != '\n' && SafeText.IsUnsafe(c), $"{context}: unsafe character U+{(int)c:X4} in '{text}'");
        }
    }

    /// <summary>A console link the program built: https to an AWS console host, no label breakout.</summary>
    [GeneratedRegex(@"<https://([a-z0-9-]+\.)?(s3\.)?console\.aws\.amazon\.com/[^\s<>|`]*\|[^<>|`]+>")]
    private static partial Regex ProgramLink();

    [GeneratedRegex("@(here|channel|everyone)", RegexOptions.IgnoreCase)]
    private static partial Regex Broadcast();

    /// <summary>An address chat clients turn into a link: a scheme, www., or a name before a common top-level domain.</summary>
    [GeneratedRegex(@"(https?|ftps?)://|www\.|[\p{L}\p{N}-]\.(com|net|org|io|co|uk|jp|aws|amazon|dev|app|info|xyz|zip)(?![\p{L}\p{N}\p{M}-])", RegexOptions.IgnoreCase)]
    private static partial Regex LinkScheme();

    /// <summary>An @ that starts a word, as mentions do.</summary>
    [GeneratedRegex(@"(^|[^\p{L}\p{N}])@")]
    private static partial Regex WordStartAt();
}
