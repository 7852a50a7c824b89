using System.Runtime.CompilerServices;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Whether a name is a top-level domain (<see cref="TopLevelDomainNames"/>), case-insensitively. Built once, in one
/// pass over the names without a string per name (the function's cold start pays for it), then only read: an
/// open-addressed table of positions in <see cref="TopLevelDomainNames.All"/>.
/// </summary>
internal sealed class TopLevelDomains
{
    /// <summary>Longer than any top-level domain (the longest is 24 characters in its ASCII form).</summary>
    public const int MaxLength = 63;

    private const int Slots = 4096;

    private readonly int[] _starts = new int[TopLevelDomainNames.Count];
    private readonly byte[] _lengths = new byte[TopLevelDomainNames.Count];
    private readonly short[] _table = new short[Slots];

    private TopLevelDomains()
    {
        var all = TopLevelDomainNames.All.AsSpan();
        var count = 0;
        var start = 0;
        for (var i = 0; i <= all.Length; i++)
        {
            if (i < all.Length && all[i] != ' ')
            {
                continue;
            }

            if (i > start)
            {
                _starts[count] = start;
                _lengths[count] = (byte)(i - start);
                var slot = Hash(all[start..i]);
                while (_table[slot] != 0)
                {
                    slot = (slot + 1) & (Slots - 1);
                }

                _table[slot] = (short)(++count);
            }

            start = i + 1;
        }
    }

    public static TopLevelDomains Instance { get; } = new();

    /// <summary>Whether <paramref name="name"/> (a label, without dots) is a top-level domain, in any case.</summary>
    public bool Contains(ReadOnlySpan<char> name)
    {
        if (name.Length is < 2 or > MaxLength)
        {
            return false;
        }

        var all = TopLevelDomainNames.All.AsSpan();
        for (var slot = Hash(name); _table[slot] != 0; slot = (slot + 1) & (Slots - 1))
        {
            var entry = _table[slot] - 1;
            if (_lengths[entry] == name.Length && EqualsLowered(all.Slice(_starts[entry], name.Length), name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/>, lower-cased as <see cref="Lower"/> does, is <paramref name="lower"/> (of the same length).</summary>
    private static bool EqualsLowered(ReadOnlySpan<char> lower, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (lower[i] != Lower(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A character in lower case, ASCII by hand: the culture-aware casing's first call loads the globalization library (milliseconds at a cold start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => c < (char)0x80 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : LowerWide(c);

    private static char LowerWide(char c) => c switch
    {
        >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'a'), // fullwidth letters, which browsers read as ASCII
        >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>A slot for text, as <see cref="Lower"/> lower-cases it (the names are lower case already).</summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 17u;
        foreach (var c in text)
        {
            hash = (hash * 31) + Lower(c);
        }

        return (int)((hash ^ (hash >> 12)) & (Slots - 1));
    }
}
