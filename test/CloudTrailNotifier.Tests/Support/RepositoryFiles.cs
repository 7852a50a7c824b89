namespace CloudTrailNotifier.Tests.Support;

/// <summary>Finds files of this repository (sample events, the project) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root => TestPaths.RepositoryRoot;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SampleEventPath => Path("events", "secretsmanager-get-secret-value.json");

    public static byte[] SampleEvent => File.ReadAllBytes(SampleEventPath);

    /// <summary>The lines (one published record each) of a file in test/CloudTrailNotifier.Tests/RealRecords/.</summary>
    public static string[] RealRecordLines(string file) => File.ReadAllLines(Path("test", "CloudTrailNotifier.Tests", "RealRecords", file));
}
