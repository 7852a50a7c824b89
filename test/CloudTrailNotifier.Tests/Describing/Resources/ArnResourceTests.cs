using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.Resources;

/// <summary>
/// A call that names its object by a parameter that says nothing about it (<c>resourceArn</c>, <c>resource</c>,
/// <c>arn</c>) is about what the ARN names: an SNS topic, a table, a load balancer, not a "resource".
/// </summary>
public sealed class ArnResourceTests
{
    private static IReadOnlyList<ResourceRef> Describe(string eventSource, string eventName, string requestParameters)
    {
        var bytes = TestEvents.Envelope($$"""{"eventSource":"{{eventSource}}","eventName":"{{eventName}}","awsRegion":"eu-west-1","recipientAccountId":"111111111111","requestParameters":{{requestParameters}}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));
        return ResourceDescriber.Describe(evt);
    }

    [Theory]
    [InlineData("sns.amazonaws.com", "PutDataProtectionPolicy", "resourceArn", "arn:aws:sns:eu-west-1:111111111111:alerts", "SNS topic", "alerts")]
    [InlineData("sns.amazonaws.com", "TagResource", "resourceArn", "arn:aws:sns:eu-west-1:111111111111:alerts", "SNS topic", "alerts")]
    [InlineData("sqs.amazonaws.com", "TagQueue", "resourceArn", "arn:aws:sqs:eu-west-1:111111111111:jobs", "SQS queue", "jobs")]
    [InlineData("cloudfront.amazonaws.com", "TagResource", "resource", "arn:aws:cloudfront::111111111111:distribution/E5337EXAMPLE", "CloudFront distribution", "E5337EXAMPLE")]
    [InlineData("wafv2.amazonaws.com", "DisassociateWebACL", "resourceArn", "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/50dc6c495c0c9188", "Elastic Load Balancing load balancer", "app/web/50dc6c495c0c9188")]
    [InlineData("apigateway.amazonaws.com", "TagResource", "resourceArn", "arn:aws:apigateway:eu-west-1::/restapis/abcdef74gh/", "API Gateway REST API", "abcdef74gh")]
    [InlineData("apigateway.amazonaws.com", "TagResource", "resourceArn", "arn:aws:apigateway:eu-west-1::/restapis/abcdef74gh/stages/test2", "API Gateway stage", "abcdef74gh/test2")]
    [InlineData("rbin.amazonaws.com", "TagResource", "resourceArn", "arn:aws:rbin:eu-west-1:111111111111:rule/ABCDEF0123", "rbin rule", "ABCDEF0123")]
    public void An_arn_in_a_parameter_that_says_nothing_names_what_it_is(string source, string eventName, string key, string arn, string label, string name)
    {
        var resource = Assert.Single(Describe(source, eventName, $$"""{"{{key}}":"{{arn}}"}"""));

        Assert.Equal((ResourceKind.Other, label, name, arn), (resource.Kind, resource.Source, resource.Name, resource.Identifier));
    }

    [Theory]
    [InlineData("rds.amazonaws.com", "StopActivityStream", "arn:aws:rds:eu-west-1:111111111111:cluster:production", "DbCluster", "production")]
    [InlineData("dynamodb.amazonaws.com", "TagResource", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders", "Table", "orders")]
    [InlineData("lambda.amazonaws.com", "TagResource", "arn:aws:lambda:eu-west-1:111111111111:function:notify", "Function", "notify")]
    [InlineData("secretsmanager.amazonaws.com", "ValidateResourcePolicy", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-AbCdEf", "Secret", "prod/db")]
    public void An_arn_of_a_known_kind_is_that_kind(string source, string eventName, string arn, string kindName, string name)
    {
        var resource = Assert.Single(Describe(source, eventName, $$"""{"resourceArn":"{{arn}}"}"""));

        Assert.Equal((Enum.Parse<ResourceKind>(kindName), name), (resource.Kind, resource.Name));
    }

    [Theory]
    [InlineData("config.amazonaws.com", """{"resourceId":"vpc-a12bc345","resourceType":"AWS::EC2::VPC"}""", "resource", "vpc-a12bc345")]
    [InlineData("sns.amazonaws.com", """{"topicArn":"arn:aws:sns:eu-west-1:111111111111:alerts"}""", "topic", "arn:aws:sns:eu-west-1:111111111111:alerts")]
    [InlineData("foo.amazonaws.com", """{"resourceArn":"arn:aws:foo:eu-west-1:111111111111:odd type/x"}""", "foo resource", "odd type/x")]
    public void A_value_that_is_no_arn_or_a_parameter_that_names_its_kind_stays_as_it_was(string source, string parameters, string label, string name)
    {
        var resource = Assert.Single(Describe(source, "X", parameters));

        Assert.Equal((label, name), (resource.Source, resource.Name));
    }

    [Fact]
    public void The_sample_put_data_protection_policy_reads_as_an_sns_topic_in_both_languages()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, "sns-put-data-protection-policy-topic.json"));
        var english = new Notifier(RenderOptions.Default).Notify(bytes);
        var japanese = new Notifier(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc)).Notify(bytes);

        Assert.StartsWith("Admin/mallory called SNS PutDataProtectionPolicy on SNS topic cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6.", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  Resource: SNS topic cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6 (arn:aws:sns:", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  リソース: SNS topic cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6 (arn:aws:sns:", japanese.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("resource cloudtrail-notifier", english.Message, StringComparison.Ordinal);
    }
}
