using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.Resources;

public sealed class ResourceDescriberTests
{
    private static IReadOnlyList<ResourceRef> Describe(string eventSource, string requestParameters, string extra = "")
    {
        var bytes = TestEvents.Envelope($$"""{"eventSource":"{{eventSource}}","eventName":"X","awsRegion":"eu-west-1","requestParameters":{{requestParameters}}{{extra}}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));
        return ResourceDescriber.Describe(evt);
    }

    [Theory]
    [InlineData("secretsmanager.amazonaws.com", """{"secretId":"prod/db"}""", "Secret", "prod/db")]
    [InlineData("secretsmanager.amazonaws.com", """{"secretId":"arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-AbCdEf"}""", "Secret", "prod/db")]
    [InlineData("secretsmanager.amazonaws.com", """{"secretId":"arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db"}""", "Secret", "prod/db")]
    [InlineData("ssm.amazonaws.com", """{"name":"/prod/db/password","withDecryption":true}""", "Parameter", "/prod/db/password")]
    [InlineData("s3.amazonaws.com", """{"bucketName":"logs","Host":"logs.s3.amazonaws.com"}""", "Bucket", "logs")]
    [InlineData("s3.amazonaws.com", """{"bucketName":"logs","key":"2024/a.json"}""", "Object", "s3://logs/2024/a.json")]
    [InlineData("iam.amazonaws.com", """{"roleName":"admin"}""", "Role", "admin")]
    [InlineData("iam.amazonaws.com", """{"userName":"bob"}""", "User", "bob")]
    [InlineData("iam.amazonaws.com", """{"policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""", "Policy", "AdministratorAccess")]
    [InlineData("kms.amazonaws.com", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""", "Key", "1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("sts.amazonaws.com", """{"roleArn":"arn:aws:iam::222222222222:role/deploy","roleSessionName":"ci"}""", "Role", "deploy")]
    [InlineData("lambda.amazonaws.com", """{"functionName":"arn:aws:lambda:eu-west-1:111111111111:function:notify:live"}""", "Function", "notify")]
    [InlineData("dynamodb.amazonaws.com", """{"tableName":"orders"}""", "Table", "orders")]
    [InlineData("ecs.amazonaws.com", """{"clusterName":"prod","include":["TAGS"]}""", "Other", "prod")]
    public void Known_services_name_their_resource(string source, string parameters, string kindName, string name)
    {
        var kind = Enum.Parse<ResourceKind>(kindName);
        var resource = Assert.Single(Describe(source, parameters));

        Assert.Equal((kind, name), (resource.Kind, resource.Name));
    }

    [Fact]
    public void Batch_get_secret_value_names_every_secret()
    {
        var resources = Describe("secretsmanager.amazonaws.com", """{"secretIdList":["a","b","c"]}""");

        Assert.Equal(["a", "b", "c"], resources.Select(r => r.Name));
    }

    [Fact]
    public void Ec2_instances_come_from_the_instances_set()
    {
        var resources = Describe("ec2.amazonaws.com", """{"instancesSet":{"items":[{"instanceId":"i-1"},{"instanceId":"i-2"}]}}""");

        Assert.Equal(["i-1", "i-2"], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.Equal(ResourceKind.Instance, r.Kind));
        Assert.StartsWith("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-1", resources[0].ConsoleUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_links_escape_what_the_event_supplies()
    {
        var resource = Assert.Single(Describe("secretsmanager.amazonaws.com", """{"secretId":"a b&c=d#e\nf"}"""));

        Assert.Equal("https://eu-west-1.console.aws.amazon.com/secretsmanager/secret?name=a%20b%26c%3Dd%23e%0Af&region=eu-west-1", resource.ConsoleUrl);
    }

    [Fact]
    public void A_region_that_is_not_shaped_like_one_gives_no_link()
    {
        var bytes = TestEvents.Envelope("""{"eventSource":"lambda.amazonaws.com","awsRegion":"evil.example.com/x?","requestParameters":{"functionName":"f"}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));

        Assert.Null(Assert.Single(ResourceDescriber.Describe(evt)).ConsoleUrl);
    }

    [Fact]
    public void Without_parameters_the_resources_array_is_used()
    {
        var resources = Describe("kms.amazonaws.com", "null", ""","resources":[{"ARN":"arn:aws:kms:eu-west-1:111111111111:key/k-1","accountId":"111111111111","type":"AWS::KMS::Key"}]""");

        var resource = Assert.Single(resources);
        Assert.Equal((ResourceKind.Key, "k-1", "arn:aws:kms:eu-west-1:111111111111:key/k-1"), (resource.Kind, resource.Name, resource.Identifier));
        Assert.Equal("https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/k-1", resource.ConsoleUrl);
    }
}
