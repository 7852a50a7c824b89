namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>Where the SAM application and its Python checks live, found from wherever the tests run.</summary>
internal static class DeploymentPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ChecksDirectory => Path.Combine(RepositoryRoot, "test", "deployment");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudTrailNotifier.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CloudTrailNotifier.slnx not found above " + AppContext.BaseDirectory);
    }
}
