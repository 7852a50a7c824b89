namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Secrets on a command line (ECS RunTask and Batch <c>command</c> overrides, SSM SendCommand <c>commands</c>, EMR step
/// <c>args</c>): the value after a secret flag (<c>--password VALUE</c>, <c>--token 'VALUE'</c>, and in JSON text an
/// array's next element, <c>"--password", "VALUE"</c>), and mysql's <c>-pVALUE</c> after a mysql or mariadb command.
/// A flag is secret when its name is a secret key (<c>--secret-id</c> is an identifier and stays); a flag after it is
/// not its value (<c>psql --password --host db</c> prompts). Ordinary arguments (<c>-p 3306</c>, <c>mkdir -p</c>,
/// <c>-p8080:80</c> without mysql) stay. Pure.
/// </summary>
internal static class TextArguments
{
    /// <summary>Commands whose <c>-p</c> takes the password written tight against it: also triggers of the first look.</summary>
    public static readonly string[] Commands = ["mysql", "mariadb"];

    /// <summary>Last words of a secret flag's name that say where the secret is, not what it is (<c>--password-stdin</c>).</summary>
    private static readonly string[] SourceWords = ["stdin", "file"];

    /// <summary>Whether the text may hold a flag (a <c>-</c> that starts a word), what <see cref="Match"/> needs.</summary>
    public static bool MayMatch(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('-'); at >= 0;)
        {
            var escapeLetter = at > 1 && text[at - 2] == '\\' && text[at - 1] is 'n' or 'r' or 't';
            if ((at == 0 || !IsNameChar(text[at - 1]) || escapeLetter) && at + 1 < text.Length && (char.IsAsciiLetter(text[at + 1]) || text[at + 1] == '-'))
            {
                return true;
            }

            var next = text[(at + 1)..].IndexOf('-');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// At a <c>-</c> that starts a word: the value a secret flag takes, or mysql's tight password.
    /// <paramref name="commandAt"/> caches where the first mysql or mariadb starts (-2: not looked for yet).
    /// </summary>
    public static bool Match(string text, int i, ref int commandAt, out int start, out int end)
    {
        start = end = 0;
        if (i > 0 && text[i - 1] is '-' or '.')
        {
            return false; // not a flag's start: the second dash of --x, or x-y
        }

        var nameStart = i + 1 < text.Length && text[i + 1] == '-' ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || !char.IsAsciiLetter(text[nameStart]))
        {
            return false;
        }

        if (nameStart == i + 1 && text[nameStart] == 'p' && TightPassword(text, i, ref commandAt, out start, out end))
        {
            return true;
        }

        if (!IsSecretName(text.AsSpan(nameStart, nameEnd - nameStart)))
        {
            return false;
        }

        return SpacedValue(text, nameEnd, out start, out end) || NextElement(text, i, nameEnd, out start, out end);
    }

    /// <summary>Whether an array element is a secret flag whole (<c>--password</c>, <c>-storepass</c>), so the next element is its value.</summary>
    public static bool IsSecretFlag(ReadOnlySpan<char> element)
    {
        var name = element.StartsWith("--") ? element[2..] : element.StartsWith("-") ? element[1..] : [];
        return !name.IsEmpty && char.IsAsciiLetter(name[0]) && !name.ContainsAnyExcept(NameChars) && IsSecretName(name);
    }

    /// <summary>Whether an array element is a flag (so not the value of the secret flag before it).</summary>
    public static bool IsFlag(ReadOnlySpan<char> element) =>
        element.Length > 1 && element[0] == '-' && (char.IsAsciiLetter(element[1]) || element[1] == '-');

    /// <summary>Whether an array element is a mysql or mariadb command (<c>mysql</c>, <c>/usr/bin/mysqldump</c>, <c>mariadb-dump</c>).</summary>
    public static bool IsCommand(ReadOnlySpan<char> element)
    {
        var name = element[(element.LastIndexOf('/') + 1)..];
        foreach (var command in Commands)
        {
            if (name.StartsWith(command, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where mysql's tight password starts in an array element after a mysql command (<c>-pVALUE</c>); 0 when it holds none.</summary>
    public static int TightPasswordStart(ReadOnlySpan<char> element) => element.Length > 2 && element.StartsWith("-p") ? 2 : 0;

    private static bool TightPassword(string text, int i, ref int commandAt, out int start, out int end)
    {
        start = end = 0;
        if (commandAt == -2)
        {
            commandAt = text.Length;
            foreach (var command in Commands)
            {
                var at = text.IndexOf(command, StringComparison.OrdinalIgnoreCase);
                commandAt = at >= 0 ? Math.Min(commandAt, at) : commandAt;
            }
        }

        if (commandAt >= i)
        {
            return false;
        }

        var value = i + 2;
        if (TextScan.BackslashRunEnd(text, value) is var quote && quote < text.Length && text[quote] is '\'' or '"')
        {
            start = quote + 1;
            end = TextScan.ClosingQuote(text, start, text[quote], quote - value);
            return end > start;
        }

        start = end = value;
        while (end < text.Length && !TextScan.IsValueEnd(text, end))
        {
            end++;
        }

        return end > start;
    }

    /// <summary>The value after a secret flag and a space or tab: quoted, or a word; not another flag.</summary>
    private static bool SpacedValue(string text, int nameEnd, out int start, out int end)
    {
        start = end = 0;
        var p = nameEnd;
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        if (p == nameEnd || p >= text.Length || IsFlag(text.AsSpan(p)))
        {
            return false;
        }

        if (TextScan.BackslashRunEnd(text, p) is var quote && quote < text.Length && text[quote] is '\'' or '"')
        {
            start = quote + 1;
            end = TextScan.ClosingQuote(text, start, text[quote], quote - p);
            return end > start;
        }

        start = end = p;
        while (end < text.Length && !TextScan.IsValueEnd(text, end))
        {
            end++;
        }

        return end > start && !RedactionRules.IsBooleanLike(text.AsSpan(start, end - start));
    }

    /// <summary>A secret flag written as a quoted array element, and the next element (<c>"--password", "VALUE"</c>, escaped or not).</summary>
    private static bool NextElement(string text, int i, int nameEnd, out int start, out int end)
    {
        start = end = 0;
        if (i == 0 || text[i - 1] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[i - 1];
        var escapes = 0;
        while (i - 2 - escapes >= 0 && text[i - 2 - escapes] == '\\')
        {
            escapes++;
        }

        var p = TextScan.BackslashRunEnd(text, nameEnd);
        if (p - nameEnd != escapes || p >= text.Length || text[p] != quote)
        {
            return false;
        }

        p = TextScan.SkipSpaces(text, p + 1);
        if (p >= text.Length || text[p] != ',')
        {
            return false;
        }

        p = TextScan.SkipSpaces(text, p + 1);
        if (NumberEnd(text, p) is var number && number > p)
        {
            start = p; // "--pin", 1234: a number is the flag's value too
            end = number;
            return true;
        }

        var open = TextScan.BackslashRunEnd(text, p);
        if (open - p != escapes || open >= text.Length || text[open] != quote || IsFlag(text.AsSpan(open + 1)))
        {
            return false;
        }

        start = open + 1;
        end = TextScan.ClosingQuote(text, start, quote, escapes);
        return end > start;
    }

    /// <summary>The end of a JSON number at <paramref name="p"/> that ends where an array element does; <paramref name="p"/> when there is none.</summary>
    private static int NumberEnd(string text, int p)
    {
        var q = p < text.Length && text[p] == '-' ? p + 1 : p;
        if (q >= text.Length || !char.IsAsciiDigit(text[q]))
        {
            return p;
        }

        while (q < text.Length && (char.IsAsciiDigit(text[q]) || text[q] is '.' or 'e' or 'E' or '+' or '-'))
        {
            q++;
        }

        return q >= text.Length || text[q] is ',' or ']' or ' ' or '\t' or '\r' or '\n' or '\\' ? q : p;
    }

    private static bool IsSecretName(ReadOnlySpan<char> name)
    {
        if (name.StartsWith("no-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("no_", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var word in SourceWords)
        {
            if (name.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return TextKeys.IsSecret(name) || RedactionRules.Classify(name, insideSecret: false) == KeyVerdict.SecretScalar;
    }

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

    private static bool IsNameChar(char c) => NameChars.Contains(c);
}
