namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Passwords in SQL statements (Athena <c>queryString</c>, Redshift Data and RDS Data API <c>sql</c>), where a literal
/// follows a keyword with no <c>=</c> or <c>:</c>: <c>PASSWORD 'x'</c> (<c>WITH</c> / <c>ENCRYPTED PASSWORD</c>,
/// <c>PASSWORD = N'x'</c>, <c>PASSWORD $$x$$</c>, <c>PASSWORD('x')</c>), <c>SET PASSWORD FOR u = 'x'</c>,
/// <c>IDENTIFIED BY 'x'</c> (also <c>IDENTIFIED WITH plugin BY 'x'</c>, and Oracle's bare word after <c>CREATE USER</c>).
/// The literal is hidden, the statement around it kept. Pure.
/// </summary>
internal static class TextSql
{
    /// <summary>The keyword of <c>IDENTIFIED BY</c>: also a trigger of the first look.</summary>
    public const string Identified = "identified";

    private const string Password = "password";

    /// <summary>How far a <c>SET PASSWORD FOR</c> account name may run before its <c>=</c>.</summary>
    private const int MaxAccountChars = 256;

    /// <summary>How far before <c>IDENTIFIED BY</c> the word <c>USER</c> is looked for (Oracle's unquoted password).</summary>
    private const int UserReach = 512;

    /// <summary>Whether the text may hold one of these statements (what <see cref="Match"/> needs).</summary>
    public static bool MayMatch(ReadOnlySpan<char> text) =>
        text.Contains(Identified, StringComparison.OrdinalIgnoreCase)
        || (text.IndexOfAny('\'', '"', '$') >= 0 && text.Contains(Password, StringComparison.OrdinalIgnoreCase));

    /// <summary>At the start of a word: the password literal of one of these statements.</summary>
    public static bool Match(string text, int i, out int start, out int end)
    {
        start = end = 0;
        if (IsWord(text, i, Password))
        {
            return AfterPassword(text, i + Password.Length, out start, out end);
        }

        return IsWord(text, i, Identified) && AfterIdentified(text, i, out start, out end);
    }

    /// <summary>After the word PASSWORD: <c> 'x'</c>, <c>= 'x'</c>, <c>('x')</c>, <c>= PASSWORD('x')</c>, <c> FOR account = 'x'</c>.</summary>
    private static bool AfterPassword(string text, int p, out int start, out int end)
    {
        start = end = 0;
        var q = TextScan.SkipSpaces(text, p);
        if (q >= text.Length)
        {
            return false;
        }

        if (text[q] is '=' or '(')
        {
            return AfterEquals(text, q, out start, out end);
        }

        if (q == p)
        {
            return false;
        }

        if (IsWord(text, q, "for"))
        {
            var limit = Math.Min(text.Length, q + MaxAccountChars);
            var equals = q + 3;
            while (equals < limit && text[equals] is not ('=' or ';' or '\r' or '\n'))
            {
                equals++;
            }

            return equals < limit && text[equals] == '=' && AfterEquals(text, equals, out start, out end);
        }

        return Literal(text, q, out start, out end);
    }

    /// <summary>At an <c>=</c> or <c>(</c>: the literal after it, also inside <c>PASSWORD('x')</c> / <c>OLD_PASSWORD('x')</c>.</summary>
    private static bool AfterEquals(string text, int sign, out int start, out int end)
    {
        var q = TextScan.SkipSpaces(text, sign + 1);
        foreach (var function in (ReadOnlySpan<string>)[Password, "old_password"])
        {
            var open = TextScan.SkipSpaces(text, q + function.Length);
            if (text[sign] == '=' && IsWord(text, q, function) && open < text.Length && text[open] == '(')
            {
                q = TextScan.SkipSpaces(text, open + 1);
                break;
            }
        }

        return Literal(text, q, out start, out end);
    }

    /// <summary>After IDENTIFIED: <c>BY 'x'</c>, <c>BY PASSWORD 'x'</c>, <c>BY VALUES 'x'</c>, <c>WITH plugin BY|AS 'x'</c>, <c>BY x</c> after a USER.</summary>
    private static bool AfterIdentified(string text, int i, out int start, out int end)
    {
        start = end = 0;
        var p = i + Identified.Length;
        var q = TextScan.SkipSpaces(text, p);
        if (q == p)
        {
            return false;
        }

        if (IsWord(text, q, "with"))
        {
            // The plugin's name, bare or quoted, then BY or AS.
            var plugin = TextScan.SkipSpaces(text, q + 4);
            var pluginEnd = plugin;
            if (plugin < text.Length && text[plugin] is '\'' or '"' or '`')
            {
                var close = text.AsSpan(plugin + 1, Math.Min(text.Length - plugin - 1, MaxAccountChars)).IndexOf(text[plugin]);
                pluginEnd = close < 0 ? plugin : plugin + close + 2;
            }
            else
            {
                while (pluginEnd < text.Length && !TextScan.IsValueEnd(text, pluginEnd))
                {
                    pluginEnd++;
                }
            }

            q = TextScan.SkipSpaces(text, pluginEnd);
            if (pluginEnd == plugin || q == pluginEnd || !(IsWord(text, q, "by") || IsWord(text, q, "as")))
            {
                return false;
            }

            return Literal(text, TextScan.SkipSpaces(text, q + 2), out start, out end);
        }

        if (!IsWord(text, q, "by"))
        {
            return false;
        }

        var value = TextScan.SkipSpaces(text, q + 2);
        foreach (var word in (ReadOnlySpan<string>)[Password, "values"])
        {
            var after = TextScan.SkipSpaces(text, value + word.Length);
            if (IsWord(text, value, word) && after > value + word.Length && Literal(text, after, out start, out end))
            {
                return true;
            }
        }

        if (Literal(text, value, out start, out end))
        {
            return true;
        }

        // Oracle: CREATE USER scott IDENTIFIED BY tiger (not MySQL's IDENTIFIED BY RANDOM PASSWORD, nor prose).
        start = end = value;
        while (end < text.Length && !TextScan.IsValueEnd(text, end))
        {
            end++;
        }

        return value > q + 2 && end > start && !IsWord(text, start, "random") && UserBefore(text, i);
    }

    /// <summary>A SQL literal at <paramref name="p"/> (quoted, <c>N'x'</c> / <c>E'x'</c>, dollar-quoted): its content.</summary>
    private static bool Literal(string text, int p, out int start, out int end)
    {
        start = end = 0;
        if (p + 1 < text.Length && text[p] is 'N' or 'n' or 'E' or 'e' && text[p + 1] is '\'' or '\\')
        {
            p++;
        }

        var quote = TextScan.BackslashRunEnd(text, p);
        if (quote < text.Length && text[quote] is '\'' or '"')
        {
            start = quote + 1;
            end = LiteralEnd(text, start, text[quote], quote - p);
            return end > start;
        }

        if (p >= text.Length || text[p] != '$')
        {
            return false;
        }

        var tagEnd = p + 1;
        while (tagEnd < text.Length && (char.IsAsciiLetter(text[tagEnd]) || text[tagEnd] == '_' || (tagEnd > p + 1 && char.IsAsciiDigit(text[tagEnd]))))
        {
            tagEnd++;
        }

        if (tagEnd >= text.Length || text[tagEnd] != '$')
        {
            return false;
        }

        start = tagEnd + 1;
        var close = text.IndexOf(text.Substring(p, tagEnd + 1 - p), start, StringComparison.Ordinal);
        end = close < 0 ? text.Length : close;
        return end > start;
    }

    /// <summary>Where a quoted literal ends (at the backslashes before its closing quote); a doubled quote (<c>'it''s'</c>) is part of it.</summary>
    private static int LiteralEnd(string text, int start, char quote, int escapes)
    {
        while (true)
        {
            var close = TextScan.ClosingQuote(text, start, quote, escapes);
            var at = TextScan.BackslashRunEnd(text, close);
            if (at >= text.Length)
            {
                return close;
            }

            var again = TextScan.BackslashRunEnd(text, at + 1);
            if (again - at - 1 != at - close || again >= text.Length || text[again] != quote)
            {
                return close;
            }

            start = again + 1;
        }
    }

    /// <summary>Whether <c>CREATE USER</c> or <c>ALTER USER</c> comes shortly before <paramref name="i"/>.</summary>
    private static bool UserBefore(string text, int i)
    {
        var from = Math.Max(0, i - UserReach);
        var before = text.AsSpan(from, i - from);
        for (var at = before.IndexOf("user", StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var verb = before[..at].TrimEnd(" \t\r\n");
            if (verb.Length < at && (at + 4 >= before.Length || !IsWordChar(before[at + 4]))
                && (EndsWithWord(verb, "create") || EndsWithWord(verb, "alter")))
            {
                return true;
            }

            var next = before[(at + 1)..].IndexOf("user", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) =>
        text.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !IsWordChar(text[^(word.Length + 1)]));

    private static bool IsWord(string text, int i, string word) =>
        i < text.Length && text.AsSpan(i).StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (i + word.Length >= text.Length || !IsWordChar(text[i + word.Length]));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
