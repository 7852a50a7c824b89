using System.Text.Json;
using CloudTrailNotifier.Matching;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>A bare CloudTrail record is matched as the EventBridge event CloudTrail would have delivered for it.</summary>
public sealed class CloudTrailEnvelopeTests
{
    private const string Record = """
        {"eventVersion":"1.08","eventTime":"2026-11-30T10:00:00Z","eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue",
         "awsRegion":"ap-northeast-1","eventType":"AwsApiCall","readOnly":true,"recipientAccountId":"111111111111",
         "userIdentity":{"type":"AssumedRole","accountId":"222222222222"},"requestParameters":{"secretId":"prod/db"}}
        """;

    private static bool Matches(string pattern, string record)
    {
        using var document = JsonDocument.Parse(record);
        return EventPattern.Parse(pattern).Matches(document.RootElement);
    }

    [Theory]
    [InlineData("""{"version":["0"]}""")]
    [InlineData("""{"source":["aws.secretsmanager"]}""")]
    [InlineData("""{"detail-type":["AWS API Call via CloudTrail"]}""")]
    [InlineData("""{"account":["111111111111"]}""")]
    [InlineData("""{"region":["ap-northeast-1"]}""")]
    [InlineData("""{"time":[{"prefix":"2026-11-30T"}]}""")]
    [InlineData("""{"resources":[{"exists":false}]}""")]
    [InlineData("""{"id":[{"exists":false}]}""")]
    [InlineData("""{"detail":{"eventName":["GetSecretValue"],"readOnly":[true]}}""")]
    [InlineData("""{"detail-type":["AWS API Call via CloudTrail"],"detail":{"requestParameters":{"secretId":["prod/db"]}}}""")]
    public void The_made_up_envelope_matches(string pattern)
    {
        Assert.True(Matches(pattern, Record), pattern);
    }

    [Theory]
    [InlineData("""{"source":["secretsmanager.amazonaws.com"]}""")]
    [InlineData("""{"eventName":["GetSecretValue"]}""")]
    [InlineData("""{"account":["222222222222"]}""")]
    [InlineData("""{"id":[{"exists":true}]}""")]
    [InlineData("""{"detail-type":["AWS Console Signin via CloudTrail"]}""")]
    public void Record_fields_are_under_detail_not_at_the_top(string pattern)
    {
        Assert.False(Matches(pattern, Record), pattern);
    }

    [Theory]
    [InlineData("AwsApiCall", "AWS API Call via CloudTrail")]
    [InlineData("AwsConsoleSignIn", "AWS Console Signin via CloudTrail")]
    [InlineData("AwsConsoleAction", "AWS Console Action via CloudTrail")]
    [InlineData("AwsServiceEvent", "AWS Service Event via CloudTrail")]
    [InlineData("AwsCloudTrailInsight", "AWS Insight via CloudTrail")]
    public void Detail_type_follows_the_event_type(string eventType, string detailType)
    {
        var record = $$"""{"eventSource":"signin.amazonaws.com","eventName":"X","eventType":"{{eventType}}"}""";

        Assert.True(Matches($$"""{"detail-type":["{{detailType}}"]}""", record));
    }

    [Fact]
    public void A_network_activity_record_is_a_network_activity_event()
    {
        var record = """{"eventSource":"s3.amazonaws.com","eventName":"PutObject","eventType":"AwsVpceEvent","eventCategory":"NetworkActivity"}""";

        Assert.True(Matches("""{"detail-type":["AWS Network Activity Event via CloudTrail"]}""", record));
    }

    [Fact]
    public void A_record_older_than_event_type_is_an_api_call_or_a_sign_in()
    {
        Assert.True(Matches("""{"detail-type":["AWS API Call via CloudTrail"]}""", """{"eventSource":"iam.amazonaws.com","eventName":"CreateUser"}"""));
        Assert.True(Matches("""{"detail-type":["AWS Console Signin via CloudTrail"]}""", """{"eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin"}"""));
    }

    [Fact]
    public void Account_falls_back_to_the_callers_account()
    {
        Assert.True(Matches("""{"account":["222222222222"]}""", """{"eventName":"X","userIdentity":{"accountId":"222222222222"}}"""));
    }

    [Theory]
    [InlineData("monitoring.amazonaws.com", "aws.monitoring")]
    [InlineData("cloudtrail-data.amazonaws.com", "aws.cloudtrail-data")]
    [InlineData("signin.amazonaws.com", "aws.signin")]
    public void Source_is_aws_and_the_service(string eventSource, string source)
    {
        Assert.Equal(source, CloudTrailEnvelope.Source(eventSource));
    }

    [Fact]
    public void An_envelope_is_matched_as_it_is_not_made_up_again()
    {
        var envelope = $$"""{"source":"aws.custom","detail-type":"Forwarded","detail":{{Record}}}""";

        Assert.True(Matches("""{"source":["aws.custom"],"detail-type":["Forwarded"]}""", envelope));
        Assert.False(Matches("""{"source":["aws.secretsmanager"]}""", envelope));
    }
}
