using System.Text;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>A state table in moto, shaped as template.yaml creates it (key pk, sparse index due), made over the signed JSON protocol.</summary>
internal static class StateTable
{
    public static async Task<string> CreateAsync(MotoServer moto, string name)
    {
        var client = Client(moto);
        var body = Encoding.UTF8.GetBytes($$$"""
            {"TableName":"{{{name}}}","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"dueShard","AttributeType":"S"},{"AttributeName":"dueAt","AttributeType":"N"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "GlobalSecondaryIndexes":[{"IndexName":"due","KeySchema":[{"AttributeName":"dueShard","KeyType":"HASH"},{"AttributeName":"dueAt","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}
            """);
        var answer = await client.CallAsync("CreateTable", body, null, CancellationToken.None);
        Assert.True(answer.Succeeded, answer.ErrorMessage);
        return name;
    }

    internal static DynamoDbClient Client(MotoServer moto) =>
        new(moto.Http, moto.Credentials, TimeProvider.System, moto.Endpoint, MotoServer.Region,
            new RetryStrategy(RetryStrategyOptions.StateStore(() => 0.1), TimeProvider.System));
}
