namespace CloudTrailNotifier.Tests.Support;

/// <summary>Test classes in this collection share one moto_server (each creates its own topics and queues).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
