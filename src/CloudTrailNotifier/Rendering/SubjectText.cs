using System.Globalization;
using System.Text;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Makes untrusted text fit for an SNS subject: one line, no control or invisible characters and, when
/// the language asks for it, plain ASCII (accents transliterated, other characters dropped).
/// </summary>
internal static class SubjectText
{
    /// <summary>SNS requires fewer than 100 characters.</summary>
    public const int MaxLength = 99;

    private const char LatinFoldStart = '\u00C0';

    private const string LatinFold =
        "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?y" +
        "AaAaAaCcCcCcCcDd??EeEeEeEeEeGgGgGgGgHh??IiIiIiIiI???JjKk?LlLlLl??" +
        "??NnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTt??UuUuUuUuUuUuWwYyYZzZzZz?";

    public static string Piece(string? value, bool ascii, int maxChars)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Escape first (so a line break shows as \n), then fold to ASCII if asked, then shorten; defanged last, as it
        // is shown: folding makes httpś://evil.cóm an address, and a cut can make evil.comz one.
        var safe = SafeText.Clean(value.Length > 4 * maxChars ? value[..(4 * maxChars)] : value, 4 * maxChars, markSpaceRuns: false);
        if (ascii)
        {
            safe = ToAscii(safe);
        }

        return Shorten(CollapseSpaces(safe), maxChars, ascii);
    }

    /// <summary>
    /// Cuts escaped text to <paramref name="maxChars"/>, marking the cut, and defangs what the result shows (so a cut
    /// never leaves a linkable name); cut further when defanging makes it longer.
    /// </summary>
    public static string Shorten(string value, int maxChars, bool ascii)
    {
        var budget = maxChars;
        while (true)
        {
            var shown = EmailText.Defanged(Cut(value, budget, ascii));
            if (shown.Length <= maxChars || budget <= 0)
            {
                return shown;
            }

            budget -= Math.Max(1, shown.Length - maxChars);
        }
    }

    private static string Cut(string value, int maxChars, bool ascii)
    {
        if (value.Length <= maxChars)
        {
            return value;
        }

        var ellipsis = ascii ? "..." : "…";
        var keep = TextCut.Before(value, Math.Max(0, maxChars - ellipsis.Length));

        return value[..keep] + ellipsis;
    }

    /// <summary>Transliterates Latin letters with marks to their base letters and drops what has no ASCII form.</summary>
    public static string ToAscii(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\u007F', char.MaxValue))
        {
            return value;
        }

        // Invariant globalization has no Unicode normalization, so Latin letters with marks are folded
        // with a table (U+00C0 to U+017F); '?' there means "no single-letter form".
        var builder = new StringBuilder(value.Length);
        var droppedRun = false;
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
                droppedRun = false;
                continue;
            }

            if (c is >= LatinFoldStart and < (char)(LatinFoldStart + 192) && LatinFold[c - LatinFoldStart] is var folded && folded != '?')
            {
                builder.Append(folded);
                droppedRun = false;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var replacement = c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'Æ' => "AE",
                'œ' => "oe",
                'Œ' => "OE",
                'ø' => "o",
                'Ø' => "O",
                'ł' => "l",
                'Ł' => "L",
                'đ' => "d",
                'Đ' => "D",
                'þ' => "th",
                'Þ' => "Th",
                'ð' => "d",
                'ı' => "i",
                '‘' or '’' => "'",
                '“' or '”' => "\"",
                '–' or '—' => "-",
                '…' => "...",
                '\u00A0' or '\u3000' => " ",
                _ => null,
            };

            if (replacement is not null)
            {
                builder.Append(replacement);
                droppedRun = false;
            }
            else if (!droppedRun)
            {
                builder.Append('?');
                droppedRun = true;
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        // Nothing to collapse or trim: no two spaces in a row (most names have no space at all) and no white space at
        // either end.
        if (value.Length == 0
            || (!char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
                && (!value.Contains(' ') || !value.Contains("  ", StringComparison.Ordinal))))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().TrimEnd();
    }
}
