using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>The severity table over the whole real-shaped corpus.</summary>
public sealed class SeverityCorpusTests
{
    [Fact]
    public void No_plain_read_by_a_known_principal_is_critical_and_most_reads_are_routine()
    {
        var critical = new List<string>();
        var counts = new Dictionary<Severity, int>();
        foreach (var corpusEvent in Corpus.All)
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(corpusEvent.Json));
            if (!CloudTrailEvent.TryCreate(document.RootElement, out var evt, out _))
            {
                continue;
            }

            var facts = EventFactsBuilder.Build(evt, DecoySecrets.None);
            if (evt.ReadOnly != true || facts.Actor.IsRoot)
            {
                continue;
            }

            counts[facts.Assessment.Severity] = counts.GetValueOrDefault(facts.Assessment.Severity) + 1;
            if (facts.Assessment.Severity == Severity.Critical)
            {
                critical.Add(corpusEvent.Name);
            }
        }

        Assert.Empty(critical);
        Assert.True(counts.GetValueOrDefault(Severity.Info) > counts.Values.Sum() / 2, string.Join(", ", counts));
        Assert.True(counts.Values.Sum() > 100, $"only {counts.Values.Sum()} reads");
    }
}
