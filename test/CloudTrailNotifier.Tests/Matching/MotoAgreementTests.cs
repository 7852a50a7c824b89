using System.Text.Json;
using CloudTrailNotifier.Matching;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// The engine against moto's EventBridge on the same cases, one moto_server for all: the template's own patterns
/// (events/patterns) on the corpus, the sample events and variants, and each crafted case (<see cref="MatchCases"/>).
/// Where moto departs from EventBridge's documentation (<see cref="MatchCase.MotoDeviates"/>), the engine follows the
/// documentation, and the test checks that moto still departs there, so the list stays true.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoAgreementTests(MotoServer moto)
{
    private static IReadOnlyList<(string Name, string Json)> TemplatePatterns() =>
        Directory.GetFiles(Path.Combine(TestPaths.EventsDirectory, "patterns"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    [Fact]
    public async Task The_template_patterns_match_what_moto_matches()
    {
        var patterns = TemplatePatterns();
        var events = TemplateRuleEvents.All();
        var motoMatches = await new MotoEventBridge(moto).MatchAsync("template", patterns.Select(p => p.Json).ToList(), events);

        var disagreements = new List<string>();
        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = EventPattern.Parse(patterns[p].Json);
            var ours = Evaluate(pattern, events);
            Assert.True(ours.Count > 0 && ours.Count < events.Count, $"{patterns[p].Name} matched {ours.Count} of {events.Count}: the cases do not test it");
            disagreements.AddRange(events.Select((e, i) => (e, i))
                .Where(x => ours.Contains(x.i) != motoMatches[p].Contains(x.i))
                .Select(x => $"{patterns[p].Name} on {x.e.Name}: ours {ours.Contains(x.i)}, moto {motoMatches[p].Contains(x.i)}"));
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(20)));
        Assert.True(events.Count > 800, $"only {events.Count} events");
    }

    [Fact]
    public async Task A_bare_record_matches_as_its_envelope_does_in_moto()
    {
        var patterns = TemplatePatterns();
        var events = Corpus.All.Select(e => MotoEntry.From(e.Name, e.Json)).ToList();
        var motoMatches = await new MotoEventBridge(moto).MatchAsync("bare", patterns.Select(p => p.Json).ToList(), events);

        var compared = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < events.Count; i++)
        {
            using var detail = JsonDocument.Parse(events[i].Detail);
            if (!CloudTrailEnvelope.IsBareRecord(detail.RootElement)
                || CloudTrailEnvelope.DetailType(detail.RootElement) != events[i].DetailType
                || CloudTrailEnvelope.Field(detail.RootElement, "source") != events[i].Source)
            {
                continue; // the corpus derived this envelope otherwise (its "Sign In" spelling, network activity as API calls)
            }

            compared++;
            for (var p = 0; p < patterns.Count; p++)
            {
                if (EventPattern.Parse(patterns[p].Json).Matches(detail.RootElement) != motoMatches[p].Contains(i))
                {
                    disagreements.Add($"{patterns[p].Name} on bare {events[i].Name}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(20)));
        Assert.True(compared > 650, $"only {compared} of {events.Count} corpus records compared");
        Assert.Contains(motoMatches, m => m.Count > 0);
    }

    [Fact]
    public async Task Every_crafted_case_matches_as_in_moto_but_the_documented_deviations()
    {
        var cases = MatchCases.All;
        var motoMatches = await new MotoEventBridge(moto).MatchPairsAsync("crafted", cases.Select(c => (c.Pattern, MotoEntry.From(c.Name, c.Envelope))).ToList());

        var unexplained = new List<string>();
        var stale = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            using var document = JsonDocument.Parse(MotoEntry.From(cases[i].Name, cases[i].Envelope).Delivered);
            var ours = EventPattern.Parse(cases[i].Pattern).Matches(document.RootElement);
            if (cases[i].MotoDeviates is null && ours != motoMatches[i])
            {
                unexplained.Add($"{cases[i].Name}: ours {ours}, moto {motoMatches[i]}");
            }
            else if (cases[i].MotoDeviates is not null && ours == motoMatches[i])
            {
                stale.Add($"{cases[i].Name}: moto now agrees; remove the note \"{cases[i].MotoDeviates}\"");
            }
        }

        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
        Assert.True(stale.Count == 0, string.Join('\n', stale));
    }

    private static HashSet<int> Evaluate(EventPattern pattern, IReadOnlyList<MotoEntry> events)
    {
        var matched = new HashSet<int>();
        for (var i = 0; i < events.Count; i++)
        {
            using var document = JsonDocument.Parse(events[i].Delivered);
            if (pattern.Matches(document.RootElement))
            {
                matched.Add(i);
            }
        }

        return matched;
    }
}
