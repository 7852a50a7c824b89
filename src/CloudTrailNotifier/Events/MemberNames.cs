using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// A fixed list of property names an object is read for in one pass. A named lookup searches the object's
/// properties each time it is asked, and records are asked for dozens of names; one enumeration that sorts each
/// property into its slot by its raw UTF-8 name costs about what a single lookup does.
/// </summary>
/// <remarks>
/// The answers are exactly <see cref="JsonFields.TryGet"/>'s: the last of duplicate names wins, as it does for
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>; an object with an escaped property name
/// (which may unescape to a wanted name, or to half a surrogate pair) is read name by name through TryGet instead.
/// </remarks>
internal sealed class MemberNames
{
    // Open addressing by a hash of the name's length and three of its bytes: a name that is not wanted (most of
    // a record's) is usually turned away by an empty slot, a wanted one found with one comparison.
    private const int SlotBits = 7;
    private const int SlotMask = (1 << SlotBits) - 1;

    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly sbyte[] _slots;

    public MemberNames(params string[] names)
    {
        if (names.Length > MemberValues.Capacity)
        {
            throw new ArgumentException($"at most {MemberValues.Capacity} names", nameof(names));
        }

        _names = names;
        _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
        _slots = new sbyte[SlotMask + 1];
        _slots.AsSpan().Fill(-1);
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_utf8[i].Length == 0 || IndexOf(_utf8[i]) >= 0)
            {
                throw new ArgumentException($"\"{names[i]}\" is empty or listed twice", nameof(names));
            }

            var slot = Hash(_utf8[i]);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & SlotMask;
            }

            _slots[slot] = (sbyte)i;
        }
    }

    public int Count => _names.Length;

    public string NameAt(int index) => _names[index];

    /// <summary>The slot of a property name as written (raw UTF-8, escapes not decoded); -1 when it is not one of these.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        for (var slot = Hash(name); ; slot = (slot + 1) & SlotMask)
        {
            int index = _slots[slot];
            if (index < 0 || name.SequenceEqual(_utf8[index]))
            {
                return index;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="values"/> (at least <see cref="Count"/> long) with each named member's value, or
    /// <c>default</c> (<see cref="JsonValueKind.Undefined"/>) when absent; all absent when
    /// <paramref name="obj"/> is not an object.
    /// </summary>
    public void Read(JsonElement obj, Span<JsonElement> values)
    {
        values = values[.._names.Length];
        values.Clear();
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var index = IndexOf(raw);
            if (index >= 0)
            {
                values[index] = property.Value;
            }
            else if (raw.Contains((byte)'\\'))
            {
                ReadByName(obj, values);
                return;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> name) =>
        (name.Length * 37 + name[0] * 5 + name[name.Length >> 1] * 3 + name[^1]) & SlotMask;

    private void ReadByName(JsonElement obj, Span<JsonElement> values)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            values[i] = JsonFields.TryGet(obj, _names[i], out var value) ? value : default;
        }
    }
}
