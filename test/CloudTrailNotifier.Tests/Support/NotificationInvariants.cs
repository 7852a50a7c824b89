using System.Globalization;
using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>The rules every notification obeys, whatever the event: SNS limits and unforgeable lines.</summary>
internal static class NotificationInvariants
{
    public static void AssertValid(Notification notification, NotificationLanguage language, string context)
    {
        var subject = notification.Subject;
        Check(subject.Length is > 0 and < 100, context, $"subject length {subject.Length}");
        Check(!subject.Contains('\n') && FirstForbidden(subject) < 0, context, $"subject has a control or invisible character: '{subject}'");
        if (language == NotificationLanguage.English)
        {
            Check(subject.All(c => c is >= ' ' and <= '~'), context, $"English subject is not ASCII: '{subject}'");
        }

        var bytes = MessageLimits.PublishBytes(notification);
        Check(bytes <= MessageLimits.MaxPublishBytes, context, $"message plus attributes is {bytes} bytes");
        Check(notification.Attributes.Count is > 0 and <= 10, context, $"{notification.Attributes.Count} attributes");
        foreach (var attribute in notification.Attributes)
        {
            Check(attribute.Value.Length > 0, context, $"attribute {attribute.Name} is empty");
            Check(!attribute.Name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) && !attribute.Name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase), context, "reserved attribute name");
            Check(!attribute.Value.Contains('\n') && FirstForbidden(attribute.Value) < 0, context, $"attribute {attribute.Name} has a control character");
        }

        Check(notification.Attributes.Select(a => a.Name).Distinct().Count() == notification.Attributes.Count, context, "duplicate attribute names");

        var at = FirstForbidden(notification.Message);
        Check(at < 0, context, $"message has a control or invisible character at {at}: U+{(at < 0 ? 0 : notification.Message[at]):X4}");

        AssertLinesAreOwn(notification, language, context);
    }

    /// <summary>
    /// Every line that starts at the left margin is the program's own: the headline (first line), a section
    /// title, the footer rule and footer. Event values appear only indented or inside the headline.
    /// </summary>
    private static void AssertLinesAreOwn(Notification notification, NotificationLanguage language, string context)
    {
        var t = CloudTrailNotifier.Rendering.Languages.Texts.For(language);
        var own = new HashSet<string>(StringComparer.Ordinal)
        {
            t.SignalsTitle, t.LinksTitle, t.IdentityTitle, t.RequestTitle, t.RequestParametersTitle,
            t.AdditionalEventDataTitle, t.ResponseElementsTitle, t.IdentifiersTitle, t.FallbackRawTitle, "--", t.Assessment.NextStepsTitle,
            t.Footer(null), t.FallbackHeadline,
        };

        var lines = notification.Message.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == ' ' || own.Contains(line) || line.StartsWith(t.Footer(null)[..20], StringComparison.Ordinal))
            {
                continue;
            }

            Check(false, context, $"line {i + 1} starts at the margin but is not the program's own: '{line}'");
        }
    }

    /// <summary>Index of the first control, invisible-format or separator character (line feeds allowed), or -1.</summary>
    public static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1])) == UnicodeCategory.Format)
                {
                    return i;
                }

                i++;
                continue;
            }

            if (c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or (>= '\u180B' and <= '\u180F') or '\u2800' or '\u3164'
                or (>= '\uFE00' and <= '\uFE0F') or '\uFFA0')
            {
                return i; // invisible, though not format characters
            }

            if (char.IsControl(c) || char.IsSurrogate(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Check(bool condition, string context, string problem)
    {
        if (!condition)
        {
            Assert.Fail($"{context}: {problem}");
        }
    }

    public static string Describe(Notification notification)
    {
        var text = new StringBuilder();
        text.Append("Subject: ").Append(notification.Subject).Append("\n\n").Append(notification.Message);
        return text.ToString();
    }
}
