using System.Text.Json;
using CloudTrailNotifier.Matching;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>Each crafted case of <see cref="MatchCases"/>: the engine gives the answer EventBridge documents.</summary>
public sealed class EventPatternOperatorTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var matchCase in MatchCases.All)
        {
            data.Add(matchCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Crafted_case_matches_as_documented(string name)
    {
        var matchCase = MatchCases.All.Single(c => c.Name == name);
        using var document = JsonDocument.Parse(matchCase.Envelope);

        var matches = EventPattern.Parse(matchCase.Pattern).Matches(document.RootElement);

        Assert.True(matches == matchCase.Expected, $"{name}: expected {(matchCase.Expected ? "a match" : "no match")} for {matchCase.Pattern} on {matchCase.Detail}");
    }

    [Fact]
    public void Case_names_are_unique()
    {
        Assert.Equal(MatchCases.All.Count, MatchCases.All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Crafted_cases_cover_every_operator_both_ways()
    {
        foreach (var op in new[] { "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "cidr", "exists", "$or" })
        {
            var cases = MatchCases.All.Where(c => c.Pattern.Contains($"\"{op}\"", StringComparison.Ordinal)).ToList();
            Assert.Contains(cases, c => c.Expected);
            Assert.Contains(cases, c => !c.Expected);
        }
    }

    [Fact]
    public void A_value_that_is_not_an_object_matches_nothing()
    {
        var pattern = EventPattern.Parse("""{"source":[{"exists":false}]}""");
        using var document = JsonDocument.Parse("""["not", "an", "event"]""");

        Assert.False(pattern.Matches(document.RootElement));
        Assert.False(pattern.Matches(document.RootElement[0]));
    }

    [Fact]
    public void A_string_with_half_a_surrogate_pair_is_still_a_present_string()
    {
        using var document = JsonDocument.Parse("""{"detail":{"name":"\ud800x"}}""");

        Assert.True(EventPattern.Parse("""{"detail":{"name":[{"anything-but":"x"}]}}""").Matches(document.RootElement));
        Assert.True(EventPattern.Parse("""{"detail":{"name":[{"exists":true}]}}""").Matches(document.RootElement));
        Assert.False(EventPattern.Parse("""{"detail":{"name":["x"]}}""").Matches(document.RootElement));
    }

    [Fact]
    public void An_empty_pattern_matches_every_event()
    {
        using var document = JsonDocument.Parse("""{"detail":{}}""");

        Assert.True(EventPattern.Parse("{}").Matches(document.RootElement));
    }

    [Fact]
    public void One_compiled_pattern_answers_many_events()
    {
        var pattern = EventPattern.Parse("""{"detail":{"eventName":[{"prefix":"Get"}]}}""");
        var names = new[] { "GetSecretValue", "PutSecretValue", "GetParameter", "ListSecrets" };

        var matched = names.Where(name =>
        {
            using var document = JsonDocument.Parse("{\"detail\":{\"eventName\":\"" + name + "\"}}");
            return pattern.Matches(document.RootElement);
        });

        Assert.Equal(["GetSecretValue", "GetParameter"], matched);
    }
}
