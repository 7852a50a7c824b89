using System.Text.Json;
using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// What makes a policy public or all-powerful: NotPrincipal, conditions that do not limit the caller, NotAction,
/// NotResource and <c>*:*</c>; and what keeps a policy limited to one account or organization.
/// </summary>
public sealed class PolicyDocumentsTests
{
    private const string Read = """ "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*" """;

    private static bool Public(string statement) => OpensToEveryone($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""");

    private static bool OpensToEveryone(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return PolicyDocuments.OpensToEveryone(parsed.RootElement);
    }

    private static bool AllowsEverything(string statement)
    {
        // IAM records policy documents as JSON text: pass it the same way.
        using var parsed = JsonDocument.Parse("\"" + JsonEncodedText.Encode($$"""{"Statement":[{{statement}}]}""") + "\"");
        return PolicyDocuments.AllowsEverything(parsed.RootElement);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + "}")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","*"]},""" + Read + "}")]
    [InlineData("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::999999999999:root"},""" + Read + "}")]
    [InlineData("""{"Effect":"Allow","NotPrincipal":"arn:aws:iam::999999999999:root",""" + Read + "}")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"Bool":{"aws:SecureTransport":"true"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringLike":{"aws:PrincipalArn":"*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/reader"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"999999999999"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"ForAllValues:StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"Null":{"aws:PrincipalOrgID":"false"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"IpAddress":{"aws:SourceIp":["0.0.0.0/1","128.0.0.0/1"]}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2000::/3"]}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"aws:Referer":"https://example.com/"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"aws:PrincipalTag/team":"web"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringLike":{"aws:PrincipalOrgPaths":"o-*/r-ab12/*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringLike":{"aws:SourceAccount":["111111111111","*"]}}}""")]
    public void A_policy_that_admits_anyone_is_public(string statement) => Assert.True(Public(statement));

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"aws:PrincipalAccount":"111111111111"},"Bool":{"aws:SecureTransport":"true"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:cloudfront::111111111111:distribution/EDFDVBD6EXAMPLE"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"aws:sourcevpce":"vpce-1a2b3c4d"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":"*",""" + Read + ""","Condition":{"StringEquals":{"s3:DataAccessPointAccount":"111111111111"}}}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},""" + Read + "}")]
    [InlineData("""{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:role/admin"},""" + Read + "}")]
    [InlineData("""{"Effect":"Deny","Principal":"*",""" + Read + ""","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""")]
    public void A_policy_limited_to_an_account_organization_network_or_source_is_not_public(string statement) =>
        Assert.False(Public(statement));

    [Fact]
    public void A_document_that_cannot_be_read_is_not_public()
    {
        Assert.False(OpensToEveryone("\"not json {\""));
        Assert.False(OpensToEveryone("""{"Statement":"Allow *"}"""));
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":"*:*","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":["s3:GetObject","*:*"],"Resource":["*"]}""")]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:DoesNotExist","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::audit-logs/*"}""")]
    [InlineData("""{"Effect":"Allow","NotAction":"s3:DeleteBucket","NotResource":"arn:aws:s3:::audit-logs"}""")]
    public void Every_action_on_every_resource_in_any_spelling_allows_everything(string statement) =>
        Assert.True(AllowsEverything(statement));

    [Theory]
    [InlineData("""{"Effect":"Deny","NotAction":"iam:DoesNotExist","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","NotAction":"s3:DeleteBucket","Resource":"arn:aws:s3:::*"}""")]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/*"}""")]
    [InlineData("""{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::b/*"}""")]
    public void Scoped_or_denying_statements_do_not_allow_everything(string statement) =>
        Assert.False(AllowsEverything(statement));
}
