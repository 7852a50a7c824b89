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

        Span<char> lower = stackalloc char[MaxLength];
        lower = lower[..name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            // ASCII by hand: the culture-aware casing's first call loads the globalization library (milliseconds at a cold start).
            var c = name[i];
            lower[i] = c switch
            {
                < (char)0x80 => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c,
                >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'a'), // fullwidth letters, which browsers read as ASCII
                >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
                _ => char.ToLowerInvariant(c),
            };
        }

        var all = TopLevelDomainNames.All.AsSpan();
        for (var slot = Hash(lower); _table[slot] != 0; slot = (slot + 1) & (Slots - 1))
        {
            var entry = _table[slot] - 1;
            if (_lengths[entry] == lower.Length && all.Slice(_starts[entry], lower.Length).SequenceEqual(lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A slot for lower-case text.</summary>
    private static int Hash(ReadOnlySpan<char> lower)
    {
        var hash = 17u;
        foreach (var c in lower)
        {
            hash = (hash * 31) + c;
        }

        return (int)((hash ^ (hash >> 12)) & (Slots - 1));
    }
}
