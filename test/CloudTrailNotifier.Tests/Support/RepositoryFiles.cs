namespace CloudTrailNotifier.Tests.Support;

/// <summary>Finds files of this repository (sample events, the project) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SampleEventPath => Path("events", "secretsmanager-get-secret-value.json");

    public static byte[] SampleEvent => File.ReadAllBytes(SampleEventPath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CloudTrailNotifier.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (CloudTrailNotifier.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
