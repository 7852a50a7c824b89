using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The command-line rule of the full walk and the first look: in an array of arguments (ECS and Batch <c>command</c>,
/// EMR step <c>args</c>), the element after a secret flag (<c>"--password", "VALUE"</c>, a number too: <c>"--pin", 1234</c>), and mysql's <c>-pVALUE</c>
/// after a mysql or mariadb element (<see cref="TextArguments"/>).
/// </summary>
internal sealed partial class JsonRedactor
{
    /// <summary>What the elements before this one in an array say about it.</summary>
    private struct Arguments
    {
        /// <summary>The element before is a secret flag: this one is its value, unless it is a flag.</summary>
        public bool AfterSecretFlag;

        /// <summary>An element before is a mysql or mariadb command: a <c>-pVALUE</c> is its password.</summary>
        public bool AfterCommand;
    }

    /// <summary>What replaces an array element by the elements before it, unencoded; null to judge it as any value.</summary>
    private string? Argument(JsonElement item, ref Arguments arguments)
    {
        var afterFlag = arguments.AfterSecretFlag;
        arguments.AfterSecretFlag = false;
        if (item.ValueKind == JsonValueKind.Number && afterFlag)
        {
            return markers.Redacted(JsonMarshal.GetRawUtf8Value(item).Length); // ["--pin", 1234]: a number is a value too
        }

        if (item.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var content = JsonMarshal.GetRawUtf8Value(item)[1..^1];
        if (content.IsEmpty || (!afterFlag && content[0] is not ((byte)'-' or (byte)'\\') && !MayNameCommand(content)))
        {
            return null; // most elements: no flag, no command, no value of a flag
        }

        var text = JsonFields.Text(item);
        if (TextArguments.IsSecretFlag(text))
        {
            arguments.AfterSecretFlag = true;
            return null;
        }

        arguments.AfterCommand |= TextArguments.IsCommand(text);
        if (afterFlag && !TextArguments.IsFlag(text) && StringReplacement(text, hides: true) is { } hidden)
        {
            return hidden;
        }

        return arguments.AfterCommand && TextArguments.TightPasswordStart(text) is > 0 and var at
            ? string.Concat(text.AsSpan(0, at), markers.Redacted(text.Length - at))
            : null;
    }

    /// <summary>Whether an element's UTF-8 may name a mysql or mariadb command (any case).</summary>
    private static bool MayNameCommand(ReadOnlySpan<byte> content)
    {
        for (var i = content.IndexOfAny((byte)'m', (byte)'M'); i >= 0 && i < content.Length;)
        {
            foreach (var command in TextArguments.Commands)
            {
                if (content.Length - i >= command.Length && Ascii.EqualsIgnoreCase(content.Slice(i, command.Length), command))
                {
                    return true;
                }
            }

            var next = content[(i + 1)..].IndexOfAny((byte)'m', (byte)'M');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// For the first look: whether a string may be a secret flag or a <c>-pVALUE</c>, which the full walk judges by the
    /// elements around it (it errs towards yes: any <c>-p</c> with more after it, any escaped string that may start with a dash).
    /// </summary>
    private static bool MayBeArgument(ReadOnlySpan<byte> content, ReadOnlySpan<byte> quoted, bool escaped) =>
        content.Length >= 2 && content[0] is ((byte)'-' or (byte)'\\') && MayBeFlag(content, quoted, escaped);

    /// <summary>The rest of <see cref="MayBeArgument"/>, for the few strings that start with a dash or a backslash.</summary>
    private static bool MayBeFlag(ReadOnlySpan<byte> content, ReadOnlySpan<byte> quoted, bool escaped)
    {
        if (escaped)
        {
            var text = Unescaped(quoted, escaped: true);
            return TextArguments.IsSecretFlag(text) || TextArguments.TightPasswordStart(text) > 0;
        }

        if (content.Length > 2 && content[1] == (byte)'p')
        {
            return true;
        }

        if (content.Length > RedactionRules.MaxKeyChars)
        {
            return true; // a long flag: its name's verdict is left to the full walk
        }

        Span<char> chars = stackalloc char[content.Length];
        return Ascii.ToUtf16(content, chars, out var written) == System.Buffers.OperationStatus.Done && TextArguments.IsSecretFlag(chars[..written]);
    }
}
