using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.UserAgents;

public class UserAgentMemoTests
{
    [Fact]
    public void Every_corpus_user_agent_is_classified_as_the_classifier_does_the_first_time_and_when_remembered()
    {
        var agents = Corpus.DetailStrings("userAgent").Select(pair => pair.Value).ToList();
        var memo = new UserAgentMemo();
        foreach (var pass in new[] { "first", "remembered" })
        {
            foreach (var agent in agents)
            {
                Assert.True(UserAgentClassifier.Classify(agent) == memo.Classify(agent), $"{pass}: {agent}");
            }
        }

        Assert.InRange(memo.Count, 2, UserAgentMemo.MaxEntries);
    }

    [Fact]
    public void A_stream_of_distinct_user_agents_never_holds_more_than_the_bound_and_still_classifies_each()
    {
        var memo = new UserAgentMemo();
        for (var i = 0; i < UserAgentMemo.MaxEntries * 3 + 7; i++)
        {
            var agent = $"aws-cli/2.{i}.0 Python/3.11.8 Linux/6.1 command/s3.ls";
            var client = memo.Classify(agent);
            Assert.Equal(UserAgentClassifier.Classify(agent), client);
            Assert.Equal($"2.{i}.0", client.Version);
            Assert.InRange(memo.Count, 1, UserAgentMemo.MaxEntries);
        }
    }

    [Fact]
    public void A_user_agent_longer_than_the_key_bound_or_none_is_classified_but_not_remembered()
    {
        var memo = new UserAgentMemo();
        var longAgent = "Boto3/1.34.0 " + new string('x', UserAgentMemo.MaxKeyLength);

        Assert.Equal(UserAgentClassifier.Classify(longAgent), memo.Classify(longAgent));
        Assert.Equal(UserAgentClassifier.Classify(null), memo.Classify(null));
        Assert.Equal(0, memo.Count);
    }
}
