using System.Text.Json;
using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// An Allow for everyone that a Deny in the same policy takes back from every outsider (outside the organization,
/// the VPC endpoint, the address range, or not among a NotPrincipal) is not public; a Deny that some outsider may
/// escape, or that does not cover the same calls, leaves it public.
/// </summary>
public sealed class PolicyDenialsTests
{
    private const string OpenRead = """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""";
    private const string Everything = """ "Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"] """;

    private static bool Public(params string[] statements)
    {
        using var parsed = JsonDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");
        return PolicyDocuments.OpensToEveryone(parsed.RootElement);
    }

    private static string Deny(string condition, string principal = "\"Principal\":\"*\"", string scope = Everything) =>
        $$"""{"Effect":"Deny",{{principal}},{{scope}}{{(condition.Length == 0 ? string.Empty : ",\"Condition\":" + condition)}}}""";

    [Theory]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""")]
    [InlineData("""{"StringNotEquals":{"aws:SourceVpce":["vpce-1a2b3c4d","vpce-5e6f7a8b"]}}""")]
    [InlineData("""{"StringNotEqualsIfExists":{"aws:PrincipalAccount":"111111111111"}}""")]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}""")]
    [InlineData("""{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/*"}}""")]
    [InlineData("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5","aws:SourceVpce":"vpce-1a2b3c4d"}}""")]
    [InlineData("""{"StringNotLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/*"}}""")]
    [InlineData("")]
    public void A_deny_for_everyone_outside_someone_specific_makes_the_policy_not_public(string condition) =>
        Assert.False(Public(OpenRead, Deny(condition)));

    [Fact]
    public void A_deny_with_not_principal_makes_the_policy_not_public()
    {
        Assert.False(Public(OpenRead, Deny(string.Empty, "\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111111111111:root\"]}", "\"Action\":\"*\",\"Resource\":\"*\"")));
        Assert.False(Public(OpenRead, Deny("""{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""", "\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111111111111:role/admin\"}")));
    }

    [Fact]
    public void A_trust_policy_open_to_every_account_but_denied_outside_the_organization_is_not_open()
    {
        const string Trust = """{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}""";
        const string Outside = """{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""";

        Assert.False(Public(Trust, Outside));
        Assert.True(Public(Trust));
    }

    [Theory]
    // Another test in the Deny: a caller over TLS escapes it.
    [InlineData("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"Bool":{"aws:SecureTransport":"false"}}""")]
    // Keys the caller controls, set qualifiers that fail when the key is absent, wildcards and the whole internet.
    [InlineData("""{"StringNotEquals":{"aws:PrincipalTag/team":"web"}}""")]
    [InlineData("""{"StringNotEquals":{"aws:UserAgent":"internal"}}""")]
    [InlineData("""{"ForAnyValue:StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""")]
    [InlineData("""{"StringNotLike":{"aws:PrincipalOrgID":"*"}}""")]
    [InlineData("""{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/*"}}""")]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"0.0.0.0/0"}}""")]
    // A positive test refuses only the named, not everyone else.
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""")]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":"true"}}""")]
    public void A_deny_some_outsider_may_escape_leaves_the_policy_public(string condition) =>
        Assert.True(Public(OpenRead, Deny(condition)));

    [Theory]
    [InlineData("\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"}", Everything)]
    [InlineData("\"Principal\":{\"Service\":\"*\"}", Everything)]
    [InlineData("\"NotPrincipal\":\"*\"", Everything)]
    [InlineData("\"Principal\":\"*\"", "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/*\"")]
    [InlineData("\"Principal\":\"*\"", "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::other/*\"")]
    [InlineData("\"Principal\":\"*\"", "\"NotAction\":\"s3:PutObject\",\"Resource\":\"*\"")]
    [InlineData("\"Principal\":\"*\"", "\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::other/*\"")]
    public void A_deny_for_someone_else_or_for_other_calls_leaves_the_policy_public(string principal, string scope) =>
        Assert.True(Public(OpenRead, Deny("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", principal, scope)));

    [Fact]
    public void A_deny_must_cover_every_open_allow()
    {
        const string OpenList = """{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}""";
        var objectsOnly = Deny("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", scope: "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"");

        Assert.True(Public(OpenRead, OpenList, objectsOnly));
        Assert.False(Public(OpenRead, objectsOnly));
    }

    [Theory]
    [InlineData("s3:*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("S3:getobject", "s3:GetObject", true)]
    [InlineData("s3:GetObject", "s3:Get*", false)]
    [InlineData("s3:?etObject", "s3:GetObject", true)]
    [InlineData("s3:Put*", "s3:GetObject", false)]
    public void Action_patterns_match_as_IAM_wildcards(string pattern, string value, bool expected) =>
        Assert.Equal(expected, PolicyDenials.Matches(pattern, value, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_bucket_policy_for_everyone_denied_outside_the_organization_is_a_notice_and_without_the_deny_critical()
    {
        const string Policy = """{"bucketName":"b","bucketPolicy":{"Version":"2012-10-17","Statement":[OPEN,DENY]}}""";
        var denied = Policy.Replace("OPEN", OpenRead, StringComparison.Ordinal)
            .Replace("DENY", Deny("""{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""), StringComparison.Ordinal);
        var tlsOnly = Policy.Replace("OPEN", OpenRead, StringComparison.Ordinal)
            .Replace("DENY", Deny("""{"Bool":{"aws:SecureTransport":"false"}}"""), StringComparison.Ordinal);

        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("s3.amazonaws.com", "PutBucketPolicy", denied).Severity);
        Assert.Equal(Severity.Critical, SeverityTableTests.Assess("s3.amazonaws.com", "PutBucketPolicy", tlsOnly).Severity);
    }

    [Fact]
    public void A_secret_policy_for_everyone_denied_outside_the_vpc_endpoint_is_a_notice()
    {
        const string Allow = """{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}""";
        const string DenyOutside = """{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}}""";
        var parameters = $$"""{"secretId":"prod/db","resourcePolicy":"{\"Version\":\"2012-10-17\",\"Statement\":[{{Allow}},{{DenyOutside}}]}"}""";
        var open = $$"""{"secretId":"prod/db","resourcePolicy":"{\"Version\":\"2012-10-17\",\"Statement\":[{{Allow}}]}"}""";

        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("secretsmanager.amazonaws.com", "PutResourcePolicy", parameters).Severity);
        Assert.Equal(Severity.Critical, SeverityTableTests.Assess("secretsmanager.amazonaws.com", "PutResourcePolicy", open).Severity);
    }
}
