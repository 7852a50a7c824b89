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

    private static void AssertSameVerdicts(KeyVerdictMemo memo, byte[] name)
    {
        Assert.Equal(RedactionRules.Classify(name, insideSecret: false), memo.Classify(name, insideSecret: false));
        Assert.Equal(RedactionRules.Classify(name, insideSecret: true), memo.Classify(name, insideSecret: true));
        Assert.Equal(RedactionRules.Classify(name, insideSecret: false) == KeyVerdict.Secret, memo.IsSecret(name));
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
