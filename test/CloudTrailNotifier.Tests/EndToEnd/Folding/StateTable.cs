using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.State;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>A state table in moto, shaped as template.yaml creates it (key pk, sparse index due), made with the SDK client the function uses.</summary>
internal static class StateTable
{
    public static async Task<string> CreateAsync(MotoServer moto, string name)
    {
        using var client = Client(moto);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S),
                new AttributeDefinition("dueShard", ScalarAttributeType.S),
                new AttributeDefinition("dueAt", ScalarAttributeType.N),
            ],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = DynamoStateStore.DueIndex,
                    KeySchema = [new KeySchemaElement("dueShard", KeyType.HASH), new KeySchemaElement("dueAt", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        return name;
    }

    /// <summary>The function's own client (DynamoDbClients), pointed at moto.</summary>
    internal static AmazonDynamoDBClient Client(MotoServer moto, Uri? endpoint = null) =>
        DynamoDbClients.Create(moto.Http, moto.Credentials, endpoint ?? moto.Endpoint, MotoServer.Region, TimeSpan.FromSeconds(2));

    internal static DynamoStateStore Store(MotoServer moto, string table, Uri? endpoint = null) =>
        new(new DynamoDbCalls(Client(moto, endpoint), new RetryStrategy(RetryStrategyOptions.StateStore(() => 0.1), TimeProvider.System), TimeProvider.System), table);
}
