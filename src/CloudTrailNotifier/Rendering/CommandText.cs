using System.Text;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// A command the program suggests (values quoted by <see cref="Describing.ShellQuote"/>), shown so that it still runs
/// when pasted into a shell and yet links nowhere. Defanging it as other text (<c>example[.]com</c>) would change the
/// command; instead each dot a client could link across and each colon of a linked scheme's <c>://</c> is written as a
/// one-character double-quoted string (<c>example"."com</c>), which a POSIX shell joins back into the same word, and
/// inside single quotes the quote is closed and reopened around it (<c>'my.example'"."'com'</c>).
/// </summary>
internal static class CommandText
{
    /// <summary>The command escaped as <see cref="SafeText"/> does, cut to <paramref name="maxChars"/>, and defanged for a shell.</summary>
    public static string Clean(string? command, int maxChars)
    {
        var clean = SafeText.Clean(command, maxChars);
        return EmailText.MayLink(clean) ? Defang(clean) : clean;
    }

    private static string Defang(string clean)
    {
        var builder = new StringBuilder(clean.Length + 16);
        var inSingleQuotes = false;
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (c == '\\' && !inSingleQuotes && i + 1 < clean.Length)
            {
                builder.Append(c).Append(clean[++i]);
                continue;
            }

            if (c == '\'')
            {
                inSingleQuotes = !inSingleQuotes;
            }
            else if (EmailText.IsDefanged(clean, i))
            {
                var width = LinkSeparators.WidthAt(clean, i);
                builder.Append(inSingleQuotes ? "'\"" : "\"").Append(clean.AsSpan(i, width)).Append(inSingleQuotes ? "\"'" : "\"");
                i += width - 1;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
