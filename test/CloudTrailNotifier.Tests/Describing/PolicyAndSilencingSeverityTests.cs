using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// Severity of policies that open a resource to everyone or allow everything however they are spelled, and of
/// calls that silence the notifier through its key, its role or its topics' data protection policy.
/// </summary>
public sealed class PolicyAndSilencingSeverityTests
{
    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;

    private static EventFacts Sample(string file, TamperWatch watch, string? find = null, string? replacement = null)
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, file));
        if (find is not null)
        {
            Assert.Contains(find, json, StringComparison.Ordinal);
            json = json.Replace(find, replacement, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(json);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out var problem), problem);
        return EventFactsBuilder.Build(evt, watch, DecoySecrets.None);
    }

    private static string BucketPolicy(string statement) =>
        $$$"""{"bucketName":"b","bucketPolicy":{"Version":"2012-10-17","Statement":[{{{statement}}}]}}""";

    [Theory]
    [InlineData("s3-put-bucket-policy-notprincipal.json", "BucketPolicyPublic")]
    [InlineData("s3-put-bucket-policy-secure-transport-only.json", "BucketPolicyPublic")]
    [InlineData("s3-put-bucket-policy-public.json", "BucketPolicyPublic")]
    [InlineData("iam-put-user-policy-notaction.json", "InlinePolicyAllowsAll")]
    public void Public_and_all_powerful_policies_in_any_spelling_are_critical(string file, string risk)
    {
        var assessment = Sample(file, TamperWatch.None).Assessment;

        Assert.Equal(Severity.Critical, assessment.Severity);
        Assert.Equal(Enum.Parse<RiskKind>(risk), assessment.Risk?.Kind);
        Assert.NotEmpty(assessment.NextSteps);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","NotPrincipal":{"AWS":["arn:aws:iam::999999999999:root"]},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"aws:PrincipalArn":"*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:UserAgent":"internal-tool"}}}""")]
    public void A_bucket_policy_open_to_everyone_but_written_another_way_is_critical(string statement)
    {
        var assessment = SeverityTableTests.Assess("s3.amazonaws.com", "PutBucketPolicy", BucketPolicy(statement));

        Assert.Equal(Severity.Critical, assessment.Severity);
        Assert.Equal(RiskKind.BucketPolicyPublic, assessment.Risk?.Kind);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalAccount":"111111111111"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"Bool":{"aws:SecureTransport":"true"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:cloudfront::111111111111:distribution/E1"}}}""")]
    [InlineData("""{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:role/admin"},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}""")]
    public void A_bucket_policy_limited_to_one_account_or_organization_stays_a_notice(string statement) =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("s3.amazonaws.com", "PutBucketPolicy", BucketPolicy(statement)).Severity);

    [Theory]
    [InlineData("""{\"Effect\":\"Allow\",\"Action\":\"*:*\",\"Resource\":\"*\"}""")]
    [InlineData("""{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}""")]
    [InlineData("""{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::audit/*\"}""")]
    public void An_inline_policy_allowing_everything_in_another_spelling_is_critical(string statement)
    {
        var parameters = $$"""{"roleName":"ci","policyName":"p","policyDocument":"{\"Statement\":[{{statement}}]}"}""";
        var assessment = SeverityTableTests.Assess("iam.amazonaws.com", "PutRolePolicy", parameters);

        Assert.Equal(Severity.Critical, assessment.Severity);
        Assert.Equal(RiskKind.InlinePolicyAllowsAll, assessment.Risk?.Kind);
    }

    [Fact]
    public void A_lambda_permission_for_everyone_is_critical_unless_a_source_limits_it()
    {
        Assert.Equal(Severity.Critical, SeverityTableTests.Assess("lambda.amazonaws.com", "AddPermission20150331v2", """{"functionName":"f","statementId":"s","action":"lambda:InvokeFunction","principal":"*"}""").Severity);
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("lambda.amazonaws.com", "AddPermission20150331v2", """{"functionName":"f","statementId":"s","action":"lambda:InvokeFunction","principal":"*","principalOrgID":"o-a1b2c3d4e5"}""").Severity);
    }

    [Theory]
    [InlineData("kms-disable-key-topic-key.json", "Key")]
    [InlineData("kms-put-key-policy-topic-key.json", "Key")]
    [InlineData("iam-put-role-policy-deny-function-role.json", "Role")]
    [InlineData("sns-put-data-protection-policy-topic.json", "Topic")]
    public void Silencing_the_notifier_through_its_key_role_or_topic_is_critical_tampering(string file, string target)
    {
        var facts = Sample(file, Stack);

        Assert.Equal(Enum.Parse<TamperTargetKind>(target), facts.Tamper?.Target);
        Assert.True(facts.Signals.HasFlag(Signals.Tampering));
        Assert.Equal(Severity.Critical, facts.Assessment.Severity);

        var unwatched = Sample(file, TamperWatch.None);
        Assert.Null(unwatched.Tamper);
        Assert.True(unwatched.Assessment.Severity < Severity.Critical, $"{file}: {unwatched.Assessment.Severity} without the watch");
    }

    [Fact]
    public void A_refused_attempt_to_disable_the_topics_key_is_high_tampering()
    {
        var facts = Sample("kms-disable-key-topic-key.json", Stack, "\"responseElements\": null,",
            "\"errorCode\": \"AccessDeniedException\", \"errorMessage\": \"denied\", \"responseElements\": null,");

        Assert.Equal(TamperTargetKind.Key, facts.Tamper?.Target);
        Assert.Equal(Severity.High, facts.Assessment.Severity);
    }

    [Theory]
    [InlineData("ci-deployer")]
    [InlineData("cloudtrail-notifier-dev-NotifierFunctionRole-Z9Y8X7W6V5U4")]
    public void A_role_policy_change_on_an_unwatched_role_is_not_tampering(string role)
    {
        var facts = Sample("iam-put-role-policy-deny-function-role.json", Stack, "cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6", role);

        Assert.Null(facts.Tamper);
        Assert.Equal(Severity.High, facts.Assessment.Severity);
        Assert.Equal(RiskKind.InlinePolicyPut, facts.Assessment.Risk?.Kind);
    }
}
