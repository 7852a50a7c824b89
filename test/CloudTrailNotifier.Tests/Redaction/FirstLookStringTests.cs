using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The first look passes most strings by their bytes alone (no <c>: = B b J G Q</c>, no escape, no JSON) and judges
/// each key by one memo lookup: it must never clear a string or key the full walk changes. Checked on strings built from
/// the pieces every rule reacts to, and on every string and key of the corpus under each kind of key.
/// </summary>
public sealed class FirstLookStringTests
{
    private static readonly JavaScriptEncoder CloudTrailLike = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly JsonRedactor _redactor = new(new RedactionMarkers(length => $"[redacted {length}]", "[hidden]"));

    /// <summary>Keys that say something about a string value, or about their siblings, or nothing.</summary>
    private static readonly string[] Keys = ["note", "type", "Type", "name", "parameterKey", "value", "pin", "userPin", "dbpass", "errorCode"];

    [Property(Arbitrary = [typeof(Members)], MaxTest = 3000)]
    public void A_generated_object_the_full_walk_changes_is_never_cleared(GeneratedObject generated)
    {
        using var document = JsonDocument.Parse(generated.Json);
        if (_redactor.FirstLookClears(document.RootElement))
        {
            Assert.False(_redactor.FullWalkChanges(document.RootElement), generated.Json);
        }
    }

    [Fact]
    public void Generated_objects_are_both_cleared_and_changed_often_enough_to_test_the_first_look()
    {
        var cleared = 0;
        var changed = 0;
        var samples = Gen.Sample(Members.Objects(), 2_000, 50);
        foreach (var generated in samples)
        {
            using var document = JsonDocument.Parse(generated.Json);
            cleared += _redactor.FirstLookClears(document.RootElement) ? 1 : 0;
            changed += _redactor.FullWalkChanges(document.RootElement) ? 1 : 0;
        }

        Assert.True(
            samples.Length == 2_000 && cleared is > 200 and < 1_800 && changed is > 200 and < 1_800,
            $"{cleared} cleared, {changed} changed of {samples.Length}: {string.Join(" ", samples.Take(8).Select(s => s.Json))}");
    }

    [Fact]
    public void Every_corpus_string_and_key_under_every_kind_of_key_is_cleared_only_when_nothing_changes()
    {
        var strings = Corpus.StringsAndKeys();

        Assert.True(strings.Count > 2_000, $"only {strings.Count} strings");
        var cleared = 0;
        var documents = strings.SelectMany(text => Keys.Select(key => Object((key, text))).Append(Object((text, "12345678")))).ToList();
        foreach (var json in documents)
        {
            using var document = JsonDocument.Parse(json);
            if (_redactor.FirstLookClears(document.RootElement))
            {
                cleared++;
                Assert.False(_redactor.FullWalkChanges(document.RootElement), json);
            }
        }

        Assert.True(cleared > documents.Count / 2, $"only {cleared} of {documents.Count} cleared");
    }

    /// <summary>An object of the given members, written as CloudTrail writes JSON (only quotes, backslashes and controls escaped).</summary>
    internal static string Object(params (string Key, string Value)[] members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CloudTrailLike }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in members)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An object of one to three members, keys and strings built from pieces.</summary>
    public sealed record GeneratedObject(string Json);

    /// <summary>FsCheck generators for <see cref="GeneratedObject"/>.</summary>
    public static class Members
    {
        /// <summary>The pieces every rule and every shortcut of the first look reacts to, and plain text around them.</summary>
        private static readonly string[] Pieces =
        [
            "Bearer ", "bearer", "Bearer abc123", "eyJ", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9", "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3Q",
            "FwoGZXIvYXdz", "AQoDYXdzEJr//////////wEaoAK1wvxJY12r2I", "-----BEGIN", "-----BEGIN RSA PRIVATE KEY-----", "password", "pass",
            "pin", "Pin", "otp", "code", "Code", "token", "secret", "apikey", "x-api-key", "pwd", "Authorization", "=", ":", " ", ": ", "://", "@",
            "/", ";", "&", "?", "abc", "Zq9x", "12345678", "HIDDEN_DUE_TO_SECURITY_REASONS", "<sensitiveDataRemoved>", "{", "}", "[", "]", "\"",
            "\\", "%7B", "%7b", "%22", "%3A", "\u3000", "\u00a0", "\u017f", "\u00e9", "\u65e5\u672c", "arn:aws:iam::111122223333:role/x",
            "2024-01-01T00:00:00Z", "SecureString", "securestring", "DB_PASSWORD", "value", "name", "type", "true", "\n", "\\u0070", "Id", "_",
        ];

        /// <summary>Text as most strings of an event are, none of which a rule or a shortcut reacts to.</summary>
        private static readonly string[] Plain = ["abc", "x", "prod", "us-east-1", "i-0a1c", "12", ".", "-", "Deploy", "Lambda", "s3.amazonaws.com"];

        public static Gen<string> Text() =>
            from count in Gen.Choose(0, 4)
            from pieces in Gen.Frequency((1, Gen.Elements(Pieces)), (6, Gen.Elements(Plain))).ArrayOf(count)
            select string.Concat(pieces);

        public static Gen<GeneratedObject> Objects() =>
            from count in Gen.Choose(1, 3)
            from keys in Gen.Frequency((1, Gen.Elements(Keys)), (2, Gen.Elements(Plain)), (1, Text())).ArrayOf(count)
            from values in Text().ArrayOf(count)
            select new GeneratedObject(Object(keys.Zip(values).GroupBy(p => p.First).Select(g => (g.Key, g.First().Second)).ToArray()));

        public static Arbitrary<GeneratedObject> Generated() => Arb.From(Objects());
    }
}
