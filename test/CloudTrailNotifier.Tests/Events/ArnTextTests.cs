using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Tests.Events;

public sealed class ArnTextTests
{
    [Fact]
    public void A_full_arn_splits_into_its_five_parts_and_keeps_colons_in_the_resource()
    {
        Assert.True(ArnText.TryParse("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:prod/db-AbCdEf", out var arn));

        Assert.Equal(new ArnText("aws", "secretsmanager", "ap-northeast-1", "111111111111", "secret:prod/db-AbCdEf"), arn);
    }

    [Fact]
    public void Global_and_account_less_arns_have_empty_parts()
    {
        Assert.True(ArnText.TryParse("arn:aws:s3:::example-bucket", out var bucket));
        Assert.Equal(("", "", "example-bucket"), (bucket.Region, bucket.Account, bucket.Resource));

        Assert.True(ArnText.TryParse("arn:aws:iam::111111111111", out var five));
        Assert.Equal(("111111111111", ""), (five.Account, five.Resource));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("prod/db")]
    [InlineData("arn:aws:iam")]
    [InlineData("ARN:aws:iam::111111111111:role/x")]
    [InlineData("urn:aws:iam::111111111111:role/x")]
    public void Anything_but_an_arn_is_refused(string? value) => Assert.False(ArnText.TryParse(value, out _));
}
