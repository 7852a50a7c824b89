using CloudTrailNotifier.Redaction;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Where a bare value ends is found by a search for the characters that may end it; it must be where the character by
/// character reading of <see cref="TextScan.IsValueEnd"/> stops, escapes and the text's end included.
/// </summary>
public sealed class TextScanValueEndTests
{
    private static readonly string[] Pieces =
    [
        "abc", "hunter2", " ", "\t", "\r", "\n", ",", ";", "&", "}", "]", ")", "\"", "'", "<", "\\", "\\\"", "\\'", "\\\\", "\\n", "\\r",
        "\\t", "\\u002B", "\\x", "=", ":", "/", "{", "[", "(", ">", "ü", "%3D",
    ];

    public static Arbitrary<(string Text, int From)> Cases() =>
        (from count in Gen.Choose(0, 10)
         from pieces in Gen.Elements(Pieces).ArrayOf(count)
         let text = string.Concat(pieces)
         from start in Gen.Choose(0, text.Length)
         select (text, start)).ToArbitrary();

    [Property(Arbitrary = [typeof(TextScanValueEndTests)], MaxTest = 5000)]
    public void The_search_stops_where_reading_each_character_stops((string Text, int From) input)
    {
        var (text, from) = input;
        var end = from;
        while (end < text.Length && !TextScan.IsValueEnd(text, end))
        {
            end++;
        }

        Assert.Equal(end, TextScan.ValueEnd(text, from));
    }
}
