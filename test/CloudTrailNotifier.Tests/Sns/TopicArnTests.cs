using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class TopicArnTests
{
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:alerts", "aws", "us-east-1", "alerts")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:my_topic-1", "aws-cn", "cn-north-1", "my_topic-1")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t.fifo", "aws-us-gov", "us-gov-west-1", "t.fifo")]
    [InlineData("  arn:aws:sns:ap-northeast-1:123456789012:alerts  ", "aws", "ap-northeast-1", "alerts")]
    public void A_topic_arn_gives_its_partition_region_and_name(string text, string partition, string region, string name)
    {
        Assert.True(TopicArn.TryParse(text, out var arn, out var error), error);
        Assert.Equal(partition, arn!.Partition);
        Assert.Equal(region, arn.Region);
        Assert.Equal("123456789012", arn.AccountId);
        Assert.Equal(name, arn.Name);
        Assert.Equal(text.Trim(), arn.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alerts")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:us-east-1:123456789012")]
    [InlineData("arn:aws:sns:us-east-1:12345:alerts")]
    [InlineData("arn:aws:sns::123456789012:alerts")]
    [InlineData("arn:aws:sns:US-EAST-1:123456789012:alerts")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:bad name")]
    [InlineData("arn:aws:sns:us-east-1:123456789012:a:b")]
    public void Anything_else_is_refused_with_one_line_saying_why(string? text)
    {
        Assert.False(TopicArn.TryParse(text, out var arn, out var error));
        Assert.Null(arn);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain('\n', error);
    }
}
