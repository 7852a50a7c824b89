namespace CloudTrailNotifier.Redaction;

/// <summary>
/// In text (damaged JSON, JSON inside a message), whether the object around a <c>value</c> key makes its value secret:
/// SSM's <c>"type": "SecureString"</c>, or a name/value pair whose name is a secret key (ECS and CodeBuild
/// <c>{"name": "DB_PASSWORD", "value": ...}</c>, CloudFormation <c>ParameterKey</c>/<c>ParameterValue</c>), in either
/// order. The object's ends are found by counting braces, not by parsing, so a damaged or cut object still counts; the
/// value itself is not read (it may be long). Pure.
/// </summary>
internal static class TextSiblings
{
    /// <summary>How far before the key and after the value the object's braces and members are looked for.</summary>
    private const int MaxReach = 2048;

    /// <summary>Folded keys whose string names the value beside it.</summary>
    private static readonly string[] NameKeys = ["name", "key", "parameterkey", "parametername"];

    /// <summary>
    /// Whether the object holding the key at <paramref name="keyStart"/>, whose value ends at <paramref name="valueEnd"/>,
    /// makes the value secret. Its members are read before the key (back to the <c>{</c> that opens it, or as far as
    /// the reach when that is further) and after the value (to the <c>}</c> that closes it, or the reach).
    /// </summary>
    public static bool HideValue(string text, int keyStart, int valueEnd)
    {
        var open = EnclosingOpen(text, keyStart);
        var close = ClosingEnd(text, valueEnd);
        return text.AsSpan(open, keyStart - open).Contains(RedactionRules.SecureStringType, StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(valueEnd, close - valueEnd).Contains(RedactionRules.SecureStringType, StringComparison.OrdinalIgnoreCase)
            || NamesASecret(text, open, keyStart) || NamesASecret(text, valueEnd, close);
    }

    /// <summary>
    /// Whether the key at <paramref name="keyStart"/> is a member of an object written right after a key that names
    /// encryption settings (<c>"encryption": {"mode": ..., "key": ...}</c>, Elastic Transcoder), escaped or not.
    /// </summary>
    public static bool InEncryptionObject(string text, int keyStart)
    {
        var p = EnclosingOpen(text, keyStart) - 1;
        if (p < 0 || text[p + 1] != '{')
        {
            return false;
        }

        while (p >= 0 && text[p] is ' ' or '\t' or '\r' or '\n')
        {
            p--;
        }

        if (p < 0 || text[p] is not (':' or '='))
        {
            return false;
        }

        p--;
        while (p >= 0 && text[p] is ' ' or '\t' or '"' or '\'' or '\\')
        {
            p--;
        }

        var end = p + 1;
        while (p >= 0 && end - p <= RedactionRules.MaxKeyChars && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '_' or '-'))
        {
            p--;
        }

        Span<char> folded = stackalloc char[RedactionRules.MaxKeyChars + 1];
        var length = 0;
        foreach (var c in text.AsSpan(p + 1, end - p - 1))
        {
            if (char.IsAsciiLetterOrDigit(c) && length < folded.Length)
            {
                folded[length++] = char.ToLowerInvariant(c);
            }
        }

        foreach (var ending in RedactionRules.EncryptionObjectEndings)
        {
            if (folded[..length].EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>{</c> that opens the object around a position, or the reach's start when there is none in it.</summary>
    private static int EnclosingOpen(string text, int position)
    {
        var limit = Math.Max(0, position - MaxReach);
        var depth = 0;
        for (var i = position - 1; i >= limit; i--)
        {
            if (text[i] == '}')
            {
                depth++;
            }
            else if (text[i] == '{' && depth-- == 0)
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>Just after the <c>}</c> that closes the object a value ending at <paramref name="from"/> is in; the reach's end if cut.</summary>
    private static int ClosingEnd(string text, int from)
    {
        var limit = Math.Min(text.Length, from + MaxReach);
        var depth = 0;
        for (var i = from; i < limit; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && depth-- == 0)
            {
                return i + 1;
            }
        }

        return limit;
    }

    /// <summary>Whether a quoted <c>name</c> (or <c>Key</c>, <c>ParameterKey</c>) in the range holds a secret key's name.</summary>
    private static bool NamesASecret(string text, int open, int close)
    {
        Span<char> buffer = stackalloc char[RedactionRules.MaxKeyChars];
        for (var p = open; p < close; p++)
        {
            if (text[p] is not ('"' or '\''))
            {
                continue;
            }

            var keyStart = p + 1;
            var keyEnd = keyStart;
            while (keyEnd < close && (char.IsAsciiLetterOrDigit(text[keyEnd]) || text[keyEnd] == '_'))
            {
                keyEnd++;
            }

            if (keyEnd == keyStart || !IsNameKey(text.AsSpan(keyStart, keyEnd - keyStart)))
            {
                continue;
            }

            var v = TextScan.SkipClosingQuote(text, keyEnd);
            v = TextScan.SkipSpaces(text, v);
            if (v >= close || text[v] != ':')
            {
                continue;
            }

            v = TextScan.SkipSpaces(text, v + 1);
            while (v < close && text[v] == '\\')
            {
                v++;
            }

            if (v >= close || text[v] is not ('"' or '\''))
            {
                continue;
            }

            // The name as JSON reads it: its \u escapes decoded ("DB_\u30d1..." is DB_パ...), to its closing quote.
            var nameEnd = v + 1;
            while (nameEnd < close && text[nameEnd] is not ('"' or '\''))
            {
                var escape = text[nameEnd] == '\\' ? TextKeys.EscapeLength(text, nameEnd, out _) : 1;
                if (escape == 0)
                {
                    break;
                }

                nameEnd += escape;
            }

            var name = TextKeys.Decode(text, v + 1, Math.Min(nameEnd, close), buffer);
            if (!name.IsEmpty && TextKeys.IsSecret(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameKey(ReadOnlySpan<char> key)
    {
        foreach (var name in NameKeys)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
