using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Notifications;

/// <summary>The message's own JSON string writing gives exactly the bytes Utf8JsonWriter with the relaxed encoder gives.</summary>
public sealed class RelaxedJsonStringTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_utf16_unit_alone_and_between_text_is_written_as_the_writer_writes_it()
    {
        var mismatches = new List<string>();
        for (var unit = 0; unit <= char.MaxValue; unit++)
        {
            var c = (char)unit;
            // Alone, amid short text, and at each kind of place in a block of 32: first, last, in either half, in
            // the units after the last block, and after a line break in the middle of one.
            foreach (var text in new[] { c.ToString(), "a" + c + "b", "\n" + c + c + "é\n", c + Pad(31), Pad(31) + c, Pad(15) + c + Pad(16), Pad(16) + c + Pad(15), Pad(23) + c + Pad(3), Pad(7) + "\n" + c + Pad(40), Pad(33) + c + Pad(30) })
            {
                if (Ours(text) != Writers(text))
                {
                    mismatches.Add($"U+{unit:X4}: {Ours(text)} vs {Writers(text)}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii only")]
    [InlineData("line one\nline two\r\n\ttabbed \"quoted\" back\\slash /slash")]
    [InlineData("\u0000\u0001\u001F\u007F\u0080\u009F\u00A0\u00AD")]
    [InlineData("bidi \u202E override \u2066isolate\u2069 \u200B\u200D\uFEFF \u2028\u2029")]
    [InlineData("日本語のテキスト、全角　スペース、半角ｶﾅ")]
    [InlineData("emoji \U0001F600 flag \U0001F1EF\U0001F1F5 tag \U000E0041 private \U000F0000 \U0010FFFF")]
    [InlineData("lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800, high at end \uD83D")]
    [InlineData("\uDFFF")]
    [InlineData("\uD83D\uD83D\uDE00\uDE00")]
    [InlineData("replacement \uFFFD noncharacters \uFFFE\uFFFF unassigned \u0378 \u05FF")]
    [InlineData("<script>&amp;'single' `back` +plus")]
    public void Chosen_hostile_and_international_text_is_written_as_the_writer_writes_it(string text)
    {
        Assert.Equal(Writers(text), Ours(text));
    }

    [Property(MaxTest = 2000)]
    public Property Any_text_is_written_as_the_writer_writes_it() =>
        Prop.ForAll(Arb.From(Texts()), text => Ours(text) == Writers(text));

    [Property(MaxTest = 300)]
    public Property Any_fsCheck_string_is_written_as_the_writer_writes_it(string? text) =>
        (Ours(text ?? string.Empty) == Writers(text ?? string.Empty)).ToProperty();

    [Fact]
    public void Every_corpus_message_in_both_languages_is_written_as_the_writer_writes_it()
    {
        foreach (var options in new[] { RenderOptions.Default, RenderOptions.Default with { Language = NotificationLanguage.Japanese } })
        {
            var notifier = new Notifier(options);
            foreach (var corpusEvent in Corpus.All)
            {
                var message = notifier.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json)).Message;
                Assert.True(Ours(message) == Writers(message), corpusEvent.Name);
            }
        }
    }

    [Fact]
    public void Nothing_is_written_past_the_room_it_asks_for_whatever_the_length_and_escaping()
    {
        // The blocks are stored without bounds checks: a value of every length up to a few blocks, plain, all escaped,
        // all three-byte UTF-8 and ending in each of those, into exactly the room asked for with guard bytes after it.
        foreach (var unit in new[] { 'x', '\u0001', '\n', '日' })
        {
            for (var length = 0; length <= 70; length++)
            {
                foreach (var text in new[] { new string(unit, length), Pad(length) + unit, new string(unit, length) + "\u0002" })
                {
                    var room = RelaxedJsonString.MaxBytes(text.Length);
                    var buffer = new byte[room + 64];
                    buffer.AsSpan(room).Fill(0xA5);

                    var written = RelaxedJsonString.Quote(text, buffer.AsSpan(0, room));

                    Assert.True(written <= room, $"{written} > {room}");
                    Assert.All(buffer[room..], b => Assert.Equal(0xA5, b));
                    Assert.Equal(Writers(text), Convert.ToHexString(buffer, 0, written));
                }
            }
        }
    }

    private static string Pad(int length) => new('x', length);

    /// <summary>Text mixing what needs escaping with what does not: controls, line breaks, invisible and bidi
    /// characters, surrogates paired and not, CJK, astral characters and plain ASCII.</summary>
    private static Gen<string> Texts()
    {
        var unit = Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(i => ((char)i).ToString()),
            Gen.Choose(0, 0x1F).Select(i => ((char)i).ToString()),
            Gen.Elements("\n", "\r\n", "\t", "\"", "\\", "\u007F", "\u00A0", "\u00AD", "\u200B", "\u202E", "\u2028", "\uFEFF", "\uFFFD", "\u3000"),
            Gen.Choose(0x80, 0xFFFF).Select(i => ((char)i).ToString()),
            Gen.Choose(0xD800, 0xDFFF).Select(i => ((char)i).ToString()),
            Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32),
            Gen.Choose(0x3040, 0x9FFF).Select(i => ((char)i).ToString()));
        return Gen.Choose(0, 300).SelectMany(n => unit.ListOf(n)).Select(parts => string.Concat(parts));
    }

    private static string Ours(string text)
    {
        var buffer = new byte[RelaxedJsonString.MaxBytes(text.Length)];
        return Convert.ToHexString(buffer, 0, RelaxedJsonString.Quote(text, buffer));
    }

    private static string Writers(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStringValue(text);
        }

        return Convert.ToHexString(buffer.WrittenSpan);
    }
}
