using System.Text;
using System.Text.Json;
using System.Runtime.InteropServices;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>The memo of key verdicts gives exactly the rule table's verdict for every name, remembered or not.</summary>
public sealed class KeyVerdictMemoTests
{
    [Fact]
    public void Every_corpus_key_and_every_secret_key_gets_the_rule_tables_verdict_when_first_seen_and_when_remembered()
    {
        var names = CorpusKeyNames()
            .Concat(SecretPlant.SensitiveKeys)
            .Concat(RedactionRules.SecretFragments)
            .Concat(RedactionRules.KeptNames)
            .Select(name => Encoding.UTF8.GetBytes(name))
            .ToList();
        var memo = new KeyVerdictMemo();
        for (var round = 0; round < 3; round++)
        {
            foreach (var name in names)
            {
                AssertSameVerdicts(memo, name);
            }
        }
    }

    [Fact]
    public void Far_more_names_than_the_memo_holds_each_keep_their_own_verdict()
    {
        // Names that differ only in the middle, past the table's size, so slots are shared and taken over again and again.
        var names = Enumerable.Range(0, 20_000)
            .Select(i => Encoding.UTF8.GetBytes(i % 3 == 0 ? $"master{i}Password" : i % 3 == 1 ? $"secret{i}Id" : $"plain{i}Value"))
            .ToList();
        var memo = new KeyVerdictMemo();
        foreach (var name in names.Concat(names).Concat(Enumerable.Reverse(names)))
        {
            AssertSameVerdicts(memo, name);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("pass\\u0077ord")]
    [InlineData("se_cret")]
    [InlineData("Pass-Word")]
    [InlineData("aVeryLongKeyNameThatGoesOnAndOnPastTheLengthThatTheMemoRemembersAndThenEndsInPassword")]
    [InlineData("aVeryLongKeyNameThatGoesOnAndOnPastTheLengthThatTheMemoRemembersAndThenEndsInPasswordId")]
    public void Odd_names_get_the_rule_tables_verdict(string name)
    {
        var memo = new KeyVerdictMemo();
        AssertSameVerdicts(memo, Encoding.UTF8.GetBytes(name));
        AssertSameVerdicts(memo, Encoding.UTF8.GetBytes(name));
    }

    [Fact]
    public void An_escaped_name_gets_its_decoded_names_verdict_whether_the_memo_saw_either_first()
    {
        var names = CorpusKeyNames()
            .Concat(SecretPlant.SensitiveKeys)
            .Concat(RedactionRules.SecretFragments)
            .Concat(RedactionRules.SecretEndings)
            .Concat(RedactionRules.SecretLastWords)
            .Concat(RedactionRules.ScalarSecretNames)
            .Concat(RedactionRules.KeptNames)
            .Concat(["apiKey", "preSharedKey", "dbPass", "Session", "sessionName", "passRole"])
            .ToList();
        var decodedFirst = new KeyVerdictMemo();
        var escapedFirst = new KeyVerdictMemo();
        foreach (var name in names)
        {
            var decoded = Encoding.UTF8.GetBytes(name);
            foreach (var escaped in new[] { EscapeEvery(name, 1), EscapeEvery(name, 2), EscapeEvery(name, 3) })
            {
                foreach (var insideSecret in new[] { false, true })
                {
                    var expected = RedactionRules.Classify(name, insideSecret);
                    Assert.Equal(expected, decodedFirst.Classify(decoded, insideSecret));
                    Assert.Equal(expected, decodedFirst.Classify(escaped, insideSecret));
                    Assert.Equal(expected, escapedFirst.Classify(escaped, insideSecret));
                    Assert.Equal(expected, escapedFirst.Classify(decoded, insideSecret));
                }

                Assert.Equal(decodedFirst.IsSecret(decoded), decodedFirst.IsSecret(escaped));
            }
        }
    }

    /// <summary>The name as JSON may write it: every <paramref name="step"/>-th character as <c>\uXXXX</c> (upper-case hex on odd ones).</summary>
    private static byte[] EscapeEvery(string name, int step)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i % step == 0)
            {
                text.Append(i % 2 == 0 ? $"\\u{(int)name[i]:x4}" : $"\\u{(int)name[i]:X4}");
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AssertSameVerdicts(KeyVerdictMemo memo, byte[] name)
    {
        Assert.Equal(RedactionRules.Classify(name, insideSecret: false), memo.Classify(name, insideSecret: false));
        Assert.Equal(RedactionRules.Classify(name, insideSecret: true), memo.Classify(name, insideSecret: true));
        Assert.Equal(RedactionRules.Classify(name, insideSecret: false) is KeyVerdict.Secret or KeyVerdict.SecretScalar, memo.IsSecret(name));
    }

    private static IEnumerable<string> CorpusKeyNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(corpusEvent.Json);
            Collect(document.RootElement, names);
        }

        Assert.True(names.Count > 500, $"only {names.Count} key names in the corpus");
        return names;
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property)));
                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }
}
