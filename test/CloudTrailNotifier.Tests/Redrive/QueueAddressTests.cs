using CloudTrailNotifier.Redrive;

namespace CloudTrailNotifier.Tests.Redrive;

public sealed class QueueAddressTests
{
    [Theory]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/notifier-DeadLetterQueue-AB12", "eu-west-1", "https://sqs.eu-west-1.amazonaws.com/")]
    [InlineData("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/dlq", "cn-north-1", "https://sqs.cn-north-1.amazonaws.com.cn/")]
    [InlineData("https://ap-northeast-1.queue.amazonaws.com/123456789012/dlq", "ap-northeast-1", "https://sqs.ap-northeast-1.amazonaws.com/")]
    [InlineData("https://queue.amazonaws.com/123456789012/dlq", "us-east-1", "https://sqs.us-east-1.amazonaws.com/")]
    [InlineData("https://sqs.us-west-2.api.aws/123456789012/dlq", "us-west-2", "https://sqs.us-west-2.amazonaws.com/")]
    public void The_region_comes_from_the_queue_URL_and_the_endpoint_is_SQS_there(string url, string region, string endpoint)
    {
        var address = QueueAddress.Parse(url, _ => null);

        Assert.True(address.IsValid, address.Error);
        Assert.Equal(region, address.Value.Region);
        Assert.Equal("123456789012", address.Value.AccountId);
        Assert.Equal(new Uri(endpoint), address.Value.Endpoint);
        Assert.Equal(url, address.Value.Url);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SQS")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void An_endpoint_variable_overrides_the_endpoint_but_not_the_region(string variable)
    {
        var address = QueueAddress.Parse(
            "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq",
            name => name == variable ? "http://127.0.0.1:4566" : null);

        Assert.True(address.IsValid, address.Error);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), address.Value.Endpoint);
        Assert.Equal("eu-west-1", address.Value.Region);
    }

    [Fact]
    public void The_SQS_variable_wins_over_the_global_one_and_both_can_be_ignored()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SQS"] = "http://localhost:1111",
            ["AWS_ENDPOINT_URL"] = "http://localhost:2222",
        };
        const string url = "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq";

        Assert.Equal(1111, QueueAddress.Parse(url, variables.GetValueOrDefault).Value.Endpoint.Port);
        variables["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Equal(new Uri("https://sqs.eu-west-1.amazonaws.com/"), QueueAddress.Parse(url, variables.GetValueOrDefault).Value.Endpoint);
    }

    [Fact]
    public void A_local_queue_URL_is_its_own_endpoint_and_the_region_comes_from_AWS_REGION()
    {
        var address = QueueAddress.Parse("http://127.0.0.1:5000/123456789012/dlq", name => name == "AWS_REGION" ? "ap-south-1" : null);

        Assert.True(address.IsValid, address.Error);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), address.Value.Endpoint);
        Assert.Equal("ap-south-1", address.Value.Region);
    }

    [Theory]
    [InlineData("http://10.1.2.3:9324/123456789012/dlq", null, "QUEUE_URL: plain http to '10.1.2.3'")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/dlq", "http://10.0.0.5:4566", "AWS_ENDPOINT_URL_SQS: plain http")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/dlq", "ftp://localhost", "AWS_ENDPOINT_URL_SQS: not an http or https URL")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:dlq", null, "QUEUE_URL: 'arn:aws:sqs:us-east-1:123456789012:dlq' is not an SQS queue URL")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/dlq", null, "12-digit account ID")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/bad%20name", null, "no valid queue name")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/dlq?Action=x", null, "is not an SQS queue URL")]
    [InlineData("https://localhost:5000/123456789012/dlq", null, "set AWS_REGION")]
    public void An_unusable_queue_URL_or_endpoint_is_one_line_naming_its_source(string url, string? endpoint, string expected)
    {
        var address = QueueAddress.Parse(url, name => name switch
        {
            "AWS_ENDPOINT_URL_SQS" => endpoint,
            "AWS_REGION" when !expected.Contains("AWS_REGION", StringComparison.Ordinal) => "eu-west-1",
            _ => null,
        });

        Assert.False(address.IsValid);
        Assert.Contains(expected, address.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', address.Error!);
    }
}
