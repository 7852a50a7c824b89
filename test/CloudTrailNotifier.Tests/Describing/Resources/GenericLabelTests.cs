using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Tests.Describing.Resources;

public sealed class GenericLabelTests
{
    [Theory]
    [InlineData("resolverQueryLogConfigId", "DeleteResolverQueryLogConfig", "resolver query log config")]
    [InlineData("certificateArn", "DeleteCertificate", "certificate")]
    [InlineData("dBSecurityGroupName", "CreateDBSecurityGroup", "DB security group")]
    [InlineData("configurationRecorderName", "StopConfigurationRecorder", "configuration recorder")]
    [InlineData("keyName", "CreateKeyPair", "key")]
    [InlineData("topicArn", "GetTopicAttributes", "topic")]
    [InlineData("name", "CreateTrustAnchor", "trust anchor")]
    [InlineData("name", "CreateProfile", "profile")]
    [InlineData("resourceArn", "ListTagsForResource", "resource")]
    [InlineData("name", "Decrypt", "name")]
    [InlineData("name", null, "name")]
    [InlineData("loadBalancerName", "CreateLoadBalancer", "load balancer")]
    [InlineData("x-amz-thing", "PutThing", "x-amz-thing")]
    public void A_generic_resource_is_called_by_words_from_its_parameter_or_the_call(string key, string? eventName, string label)
    {
        Assert.Equal(label, GenericLabel.For(key, eventName));
    }
}
