using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>Where the SAM application and its Python checks live.</summary>
internal static class DeploymentPaths
{
    public static string RepositoryRoot => TestPaths.RepositoryRoot;

    public static string ChecksDirectory => Path.Combine(RepositoryRoot, "test", "deployment");
}
