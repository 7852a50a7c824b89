using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// <see cref="RedactionRules.Classify(ReadOnlySpan{byte}, bool)"/> and <see cref="RedactionRules.Role(ReadOnlySpan{byte})"/>,
/// remembered for the key names seen last. CloudTrail
/// events of every service share a few hundred key names (<c>eventName</c>, <c>userIdentity</c>, <c>arn</c>,
/// <c>requestParameters</c> and each API's own), so almost every key of a real log is one seen before, and its verdict
/// depends on its bytes alone. Bounded: a fixed table of slots, each holding one name and its verdicts, a new name taking
/// the slot of the oldest of two. A slot is an immutable entry swapped whole and compared byte for byte before it is used, so
/// a verdict is only ever the one <see cref="RedactionRules"/> gives that exact name (even if misused from two threads).
/// </summary>
internal sealed class KeyVerdictMemo
{
    /// <summary>Slots in the table (a power of two), in pairs: well above the key names of one account's log.</summary>
    private const int SlotBits = 12;

    private const int Slots = 1 << SlotBits;

    /// <summary>Longer names are classified each time (they are rare, and would crowd out the common ones).</summary>
    private const int MaxRememberedBytes = 64;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>
    /// The verdict for a key as written (UTF-8, escapes as they stand), as <see cref="RedactionRules.Classify(ReadOnlySpan{byte}, bool)"/>
    /// gives it: that decodes escapes first, so an escaped name remembered under its bytes has its decoded name's verdict.
    /// </summary>
    public KeyVerdict Classify(ReadOnlySpan<byte> utf8Key, bool insideSecret)
    {
        var entry = Look(utf8Key);
        return insideSecret ? entry.InsideSecret : entry.OutsideSecret;
    }

    /// <summary>Whether a key may hold a secret where it stands outside any secret (a scalar-only secret counts).</summary>
    public bool IsSecret(ReadOnlySpan<byte> utf8Key) => Look(utf8Key).IsSecret;

    /// <summary>What a key says about its siblings, as <see cref="RedactionRules.Role(ReadOnlySpan{byte})"/> gives it.</summary>
    public MemberRole Role(ReadOnlySpan<byte> utf8Key) => Look(utf8Key).Role;

    /// <summary>Everything the rules say about a key, from one lookup: its verdicts outside and inside a secret, and its role.</summary>
    public Entry Look(ReadOnlySpan<byte> utf8Key)
    {
        if (utf8Key.Length > MaxRememberedBytes)
        {
            return Judge([], utf8Key);
        }

        // Two slots per name: the one seen last in the first, the other in the second, so two names sharing slots both stay.
        var first = Slot(utf8Key) & ~1;
        var entry = _entries[first];
        if (entry is not null && utf8Key.SequenceEqual(entry.Name))
        {
            return entry;
        }

        var second = _entries[first + 1];
        if (second is null || !utf8Key.SequenceEqual(second.Name))
        {
            second = Judge(utf8Key.ToArray(), utf8Key);
        }

        _entries[first + 1] = entry;
        _entries[first] = second;
        return second;
    }

    private static Entry Judge(byte[] name, ReadOnlySpan<byte> utf8Key) => new(
        name,
        RedactionRules.Classify(utf8Key, insideSecret: false),
        RedactionRules.Classify(utf8Key, insideSecret: true),
        RedactionRules.Role(utf8Key));

    /// <summary>A slot from the name's length and its first and last eight bytes (names often share a beginning).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<byte> name)
    {
        ulong head, tail;
        if (name.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(name);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(name[^sizeof(ulong)..]);
        }
        else
        {
            head = 0;
            foreach (var b in name)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        var mixed = (head ^ ulong.RotateLeft(tail, 31) ^ (ulong)name.Length) * 0x9E3779B97F4A7C15UL;
        mixed = (mixed ^ (mixed >> 29)) * 0xBF58476D1CE4E5B9UL;
        return (int)(mixed >> (64 - SlotBits));
    }

    /// <summary>One remembered name (empty when too long to remember), its verdicts outside and inside a secret, and its role.</summary>
    internal sealed record Entry(byte[] Name, KeyVerdict OutsideSecret, KeyVerdict InsideSecret, MemberRole Role)
    {
        /// <summary>Whether the key may hold a secret where it stands outside any secret (a scalar-only secret counts).</summary>
        public bool IsSecret { get; } = OutsideSecret is KeyVerdict.Secret or KeyVerdict.SecretScalar;
    }
}
