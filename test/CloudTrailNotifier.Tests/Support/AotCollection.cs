namespace CloudTrailNotifier.Tests.Support;

/// <summary>The Native AOT executable is built once (about a minute) for every test class that runs it.</summary>
[CollectionDefinition(Name)]
public sealed class AotCollection : ICollectionFixture<PublishedExecutable>, ICollectionFixture<MotoServer>
{
    public const string Name = "aot";
}
