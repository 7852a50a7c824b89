using System.Globalization;
using System.Text;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// SafeText's escaping as it was first written, one character at a time and nothing skipped: the reference the
/// faster version is held to, character for character.
/// </summary>
internal static class SafeTextReference
{
    public static int Append(StringBuilder builder, string value, int maxChars, bool markSpaceRuns)
    {
        var take = TextCut.Before(value, Math.Min(value.Length, maxChars));
        var marks = 0;
        for (var i = 0; i < take; i++)
        {
            var c = value[i];
            var run = 0;
            while (c == ' ' && i + run < take && value[i + run] == ' ')
            {
                run++;
            }

            if (markSpaceRuns && run >= SafeText.MinShownSpaceRun)
            {
                builder.Append(SafeText.SpaceMark, run);
                i += run - 1;
                marks = 0;
            }
            else if (c is >= ' ' and < (char)0x7F)
            {
                builder.Append(c);
                marks = 0;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < take && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (SafeText.IsUnsafe(codePoint))
                {
                    builder.Append("\\U").Append(codePoint.ToString("X8", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c).Append(value[i + 1]);
                    marks = 0;
                }

                i++;
            }
            else if (SafeText.IsUnsafe(c) || (markSpaceRuns && SafeText.IsShownSpace(value, i)) || (IsCombining(c) && ++marks > 3))
            {
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when char.IsSurrogate(c) => "\uFFFD",
                    _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
            }
            else
            {
                builder.Append(c);
                if (!IsCombining(c))
                {
                    marks = 0;
                }
            }
        }

        return value.Length - take;
    }

    private static bool IsCombining(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
}
