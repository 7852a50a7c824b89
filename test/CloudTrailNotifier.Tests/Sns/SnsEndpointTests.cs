using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class SnsEndpointTests
{
    [Theory]
    [InlineData("us-east-1", "https://sns.us-east-1.amazonaws.com/")]
    [InlineData("ap-northeast-1", "https://sns.ap-northeast-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://sns.cn-north-1.amazonaws.com.cn/")]
    public void Without_overrides_the_endpoint_is_sns_in_the_topic_region(string region, string expected)
    {
        var endpoint = Resolve($"arn:aws:sns:{region}:123456789012:t", []);

        Assert.Equal(new Uri(expected), endpoint);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_SNS_wins_over_AWS_ENDPOINT_URL()
    {
        var endpoint = Resolve("arn:aws:sns:us-east-1:123456789012:t", new()
        {
            ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999",
        });

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), endpoint);
    }

    [Fact]
    public void AWS_ENDPOINT_URL_applies_when_there_is_no_sns_override()
    {
        var endpoint = Resolve("arn:aws:sns:us-east-1:123456789012:t", new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566/" });

        Assert.Equal(new Uri("http://localhost:4566/"), endpoint);
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_turns_both_overrides_off()
    {
        var endpoint = Resolve("arn:aws:sns:eu-west-1:123456789012:t", new()
        {
            ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        });

        Assert.Equal(new Uri("https://sns.eu-west-1.amazonaws.com/"), endpoint);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public void An_override_that_is_not_an_http_url_is_a_configuration_error(string value)
    {
        Assert.True(TopicArn.TryParse("arn:aws:sns:us-east-1:123456789012:t", out var arn, out _));

        Assert.False(SnsEndpoint.TryResolve(arn!, name => name == "AWS_ENDPOINT_URL_SNS" ? value : null, out _, out var error));
        Assert.Contains("AWS_ENDPOINT_URL_SNS", error, StringComparison.Ordinal);
    }

    private static Uri Resolve(string topicArn, Dictionary<string, string> variables)
    {
        var topic = SnsTopic.Resolve(topicArn, name => variables.GetValueOrDefault(name), out var error);
        Assert.True(topic is not null, error);
        return topic!.Endpoint;
    }
}
