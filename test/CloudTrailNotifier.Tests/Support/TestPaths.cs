namespace CloudTrailNotifier.Tests.Support;

/// <summary>Finds the repository and the shared event corpus from wherever the tests run.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The real-shaped CloudTrail corpus beside the checkout (../shared/corpus/envelopes).</summary>
    public static string CorpusDirectory { get; } = FindCorpus();

    public static string EventsDirectory => Path.Combine(RepositoryRoot, "events");

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

    private static string FindCorpus()
    {
        var besideCheckout = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "envelopes"));
        if (Directory.Exists(besideCheckout))
        {
            return besideCheckout;
        }

        const string Fallback = "/work/shared/corpus/envelopes";
        return Directory.Exists(Fallback)
            ? Fallback
            : throw new DirectoryNotFoundException($"event corpus not found at {besideCheckout} or {Fallback}");
    }
}
