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
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly int[][] _byLength;

    public MemberNames(params string[] names)
    {
        if (names.Length > MemberValues.Capacity)
        {
            throw new ArgumentException($"at most {MemberValues.Capacity} names", nameof(names));
        }

        _names = names;
        _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
        var longest = _utf8.Max(n => n.Length);
        var buckets = new List<int>[longest + 1];
        for (var i = 0; i < _utf8.Length; i++)
        {
            (buckets[_utf8[i].Length] ??= []).Add(i);
        }

        _byLength = Array.ConvertAll(buckets, b => b?.ToArray() ?? []);
    }

    public int Count => _names.Length;

    public string NameAt(int index) => _names[index];

    /// <summary>The slot of a property name as written (raw UTF-8, escapes not decoded); -1 when it is not one of these.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.Length >= _byLength.Length)
        {
            return -1;
        }

        foreach (var index in _byLength[name.Length])
        {
            if (name.SequenceEqual(_utf8[index]))
            {
                return index;
            }
        }

        return -1;
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

    private void ReadByName(JsonElement obj, Span<JsonElement> values)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            values[i] = JsonFields.TryGet(obj, _names[i], out var value) ? value : default;
        }
    }
}
