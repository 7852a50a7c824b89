using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Samples;

/// <summary>The hand-written events in <c>events/</c> are consistent EventBridge envelopes and cover what they claim.</summary>
public class SampleEventsTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.EventsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_sample_is_an_envelope_that_agrees_with_its_record(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, file)));
        var envelope = document.RootElement;
        var detail = envelope.GetProperty("detail");

        Assert.Equal("0", envelope.GetProperty("version").GetString());
        Assert.True(Guid.TryParse(envelope.GetProperty("id").GetString(), out _) || file == "secretsmanager-get-secret-value.json");
        Assert.Equal(detail.GetProperty("recipientAccountId").GetString(), envelope.GetProperty("account").GetString());
        Assert.Equal(detail.GetProperty("awsRegion").GetString(), envelope.GetProperty("region").GetString());
        Assert.Equal(detail.GetProperty("eventTime").GetString(), envelope.GetProperty("time").GetString());
        Assert.Equal(JsonValueKind.Array, envelope.GetProperty("resources").ValueKind);
        Assert.Equal(0, envelope.GetProperty("resources").GetArrayLength());

        var eventSource = detail.GetProperty("eventSource").GetString()!;
        Assert.Equal("aws." + eventSource[..eventSource.IndexOf('.', StringComparison.Ordinal)], envelope.GetProperty("source").GetString());

        var expectedDetailType = detail.GetProperty("eventType").GetString() switch
        {
            "AwsApiCall" => "AWS API Call via CloudTrail",
            "AwsConsoleSignIn" => "AWS Console Sign In via CloudTrail",
            "AwsServiceEvent" => "AWS Service Event via CloudTrail",
            var other => throw new InvalidOperationException(other),
        };
        Assert.Equal(expectedDetailType, envelope.GetProperty("detail-type").GetString());

        var version = detail.GetProperty("eventVersion").GetString()!;
        Assert.StartsWith("1.", version, StringComparison.Ordinal);
        Assert.InRange(int.Parse(version[2..], System.Globalization.CultureInfo.InvariantCulture), 8, 11);
        Assert.Contains(detail.GetProperty("eventCategory").GetString(), new[] { "Management", "Data" });
        Assert.Equal(
            detail.GetProperty("eventCategory").GetString() == "Management",
            detail.GetProperty("managementEvent").GetBoolean());
    }

    [Theory]
    [InlineData("secretsmanager-get-secret-value.json", "AssumedRole", "ConsoleBrowser", "IPv6")]
    [InlineData("secretsmanager-get-secret-value-root.json", "Root", "ConsoleBrowser", "IPv4")]
    [InlineData("ssm-get-parameters-iam-user-cli.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("s3-get-bucket-policy-identity-center-role.json", "AssumedRole", "ConsoleBrowser", "IPv4")]
    [InlineData("sso-list-accounts-identity-center-user.json", "IdentityCenterUser", "ConsoleBrowser", "IPv4")]
    [InlineData("dynamodb-describe-table-federated-user.json", "FederatedUser", "AwsSdk", "IPv4")]
    [InlineData("sts-assume-role-with-saml.json", "SAMLUser", "ConsoleBrowser", "IPv4")]
    [InlineData("sts-assume-role-with-web-identity-github-actions.json", "WebIdentityUser", "OtherTool", "IPv4")]
    [InlineData("sts-assume-role-cross-account.json", "AWSAccount", "AwsCli", "IPv4")]
    [InlineData("sts-assume-role-aws-service-lambda.json", "AWSService", "AwsService", "AwsService")]
    [InlineData("kms-decrypt-invoked-by-secretsmanager.json", "AssumedRole", "AwsService", "AwsService")]
    [InlineData("secretsmanager-get-secret-value-access-denied.json", "AssumedRole", "AwsSdk", "IPv4")]
    [InlineData("signin-console-login-iam-user.json", "IAMUser", "ConsoleBrowser", "IPv4")]
    [InlineData("signin-credential-challenge-unknown-identity.json", "Unknown", "ConsoleBrowser", "IPv4")]
    [InlineData("ec2-describe-instances-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("kms-describe-key-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("iam-get-role-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("iam-get-policy-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("iam-list-attached-user-policies-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("lambda-get-function-terraform.json", "AssumedRole", "Terraform", "IPv4")]
    [InlineData("secretsmanager-batch-get-secret-value.json", "AssumedRole", "AwsSdk", "IPv4")]
    [InlineData("s3-get-object-data-event.json", "IAMUser", "AwsCli", "IPv6")]
    [InlineData("secretsmanager-get-secret-value-hostile-strings.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("iam-create-access-key.json", "AssumedRole", "AwsCli", "IPv4")]
    [InlineData("iam-create-login-profile.json", "AssumedRole", "AwsCli", "IPv4")]
    [InlineData("secretsmanager-create-secret.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("secretsmanager-put-secret-value.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("secretsmanager-get-secret-value-response.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("ssm-get-parameter-with-decryption.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("rds-create-db-instance.json", "AssumedRole", "AwsCli", "IPv4")]
    [InlineData("cognito-initiate-auth.json", "IAMUser", "AwsCli", "IPv4")]
    [InlineData("ec2-create-key-pair.json", "AssumedRole", "AwsCli", "IPv4")]
    [InlineData("acm-export-certificate.json", "AssumedRole", "AwsCli", "IPv4")]
    [InlineData("sts-get-session-token.json", "IAMUser", "AwsCli", "IPv4")]
    public void Each_sample_shows_its_identity_type_client_and_source(string file, string identityType, string client, string source)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, file)));
        var detail = document.RootElement.GetProperty("detail");

        Assert.Equal(identityType, detail.GetProperty("userIdentity").GetProperty("type").GetString());
        Assert.Equal(Enum.Parse<ClientKind>(client), UserAgentClassifier.Classify(detail.GetProperty("userAgent").GetString()).Kind);
        Assert.Equal(Enum.Parse<SourceKind>(source), SourceClassifier.Classify(detail.GetProperty("sourceIPAddress").GetString()).Kind);
    }

    [Fact]
    public void Every_sample_is_listed_in_the_events_README()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, "README.md"));

        foreach (var file in Directory.GetFiles(TestPaths.EventsDirectory, "*.json"))
        {
            Assert.Contains($"`{Path.GetFileName(file)}`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_hostile_sample_really_carries_line_breaks_escapes_and_invisible_characters()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, "secretsmanager-get-secret-value-hostile-strings.json")));
        var detail = document.RootElement.GetProperty("detail");
        var userAgent = detail.GetProperty("userAgent").GetString()!;
        var secretId = detail.GetProperty("requestParameters").GetProperty("secretId").GetString()!;

        foreach (var text in new[] { userAgent, secretId })
        {
            Assert.Contains('\n', text);
            Assert.Contains('\u001b', text);
            Assert.Contains('\u202E', text);
            Assert.Contains('\u200B', text);
            Assert.Contains("Subject:", text, StringComparison.Ordinal);
        }
    }
}
