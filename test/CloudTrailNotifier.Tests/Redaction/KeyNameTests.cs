using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>A key name reads the same however JSON writes it: as text, as UTF-8, or with any character escaped.</summary>
public sealed class KeyNameTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("pass\\u0077ord")]
    [InlineData("\\u0050ASS\\u005fWORD")]
    [InlineData("db\\\"pass\\\\word\\/x\\b\\f\\n\\r\\t")]
    [InlineData("café_password")]
    [InlineData("caf\\u00e9_password")]
    [InlineData("emoji😀_secret")]
    [InlineData("emoji\\ud83d\\ude00_secret")]
    [InlineData("日本語のパスワード_token")]
    public void Decoding_a_name_as_written_gives_what_its_decoded_text_gives(string asWritten)
    {
        var text = JsonDocument.Parse("\"" + asWritten + "\"").RootElement.GetString()!;

        Assert.Equal(Copy(text), Decode(Encoding.UTF8.GetBytes(asWritten)));
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            Assert.Equal(Copy(text), Decode(Encoding.UTF8.GetBytes(text))); // (a backslash would start an escape)
        }
    }

    [Fact]
    public void Decoding_stops_when_the_destination_is_full_in_the_same_place_as_the_text()
    {
        const string Text = "éééééééééé_password";
        var escaped = Encoding.UTF8.GetBytes(string.Concat(Text.Select(c => $"\\u{(int)c:x4}")));
        Span<char> a = stackalloc char[12];
        Span<char> b = stackalloc char[12];
        Span<char> c = stackalloc char[12];

        var fromText = KeyName.Copy(Text, a);
        var fromUtf8 = KeyName.Decode(Encoding.UTF8.GetBytes(Text), b);
        var fromEscapes = KeyName.Decode(escaped, c);

        Assert.Equal(12, fromText);
        Assert.Equal(a.ToString(), b[..fromUtf8].ToString());
        Assert.Equal(a.ToString(), c[..fromEscapes].ToString());
    }

    [Fact]
    public void A_malformed_unicode_escape_reads_as_a_separator_not_as_letters_it_does_not_spell()
    {
        Assert.Equal("pass 00zzord", Decode("pass\\u00zzord"u8.ToArray()));
    }

    private static string Copy(string text)
    {
        var buffer = new char[text.Length];
        return new string(buffer, 0, KeyName.Copy(text, buffer));
    }

    private static string Decode(byte[] utf8)
    {
        var buffer = new char[utf8.Length];
        return new string(buffer, 0, KeyName.Decode(utf8, buffer));
    }
}
