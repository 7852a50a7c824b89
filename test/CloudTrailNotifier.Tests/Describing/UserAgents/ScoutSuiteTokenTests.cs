using CloudTrailNotifier.Describing.UserAgents;

namespace CloudTrailNotifier.Tests.Describing.UserAgents;

public sealed class ScoutSuiteTokenTests
{
    [Theory]
    [InlineData("Scout Suite/5.14.0")]
    [InlineData("scout suite/5.14.0")]
    [InlineData("SCOUT SUITE/5.14.0")]
    [InlineData("curl/8.0 Scout Suite/5.14.0 (https://github.com/nccgroup/ScoutSuite)")]
    [InlineData("Scout \u017Fuite/5.14.0")]
    [InlineData("\u212Aout Suite/5.14.0")]
    [InlineData("Scout  Suite/5.14.0")]
    [InlineData("Scout Suite 5.14.0")]
    [InlineData("ScoutSuite/5.14.0")]
    public void The_token_is_found_ignoring_case_exactly_as_an_ordinal_ignore_case_search_finds_it(string userAgent)
    {
        var at = userAgent.IndexOf("Scout Suite/", StringComparison.OrdinalIgnoreCase);

        var client = UserAgentClassifier.Classify(userAgent);

        Assert.Equal(at >= 0, client.Name == "Scout Suite");
        if (at >= 0)
        {
            Assert.Equal(ClientKind.OtherTool, client.Kind);
            Assert.Equal("5.14.0", client.Version);
        }
    }
}
