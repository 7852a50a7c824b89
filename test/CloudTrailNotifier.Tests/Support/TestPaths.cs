namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Where the repository and the shared event corpus are, found from the test assembly's directory so
/// tests work in any clone: the repository root is the nearest directory holding
/// <c>CloudTrailNotifier.slnx</c>, and the corpus sits beside it in <c>../shared/corpus/envelopes</c>.
/// </summary>
internal static class TestPaths
{
    private const string SolutionFile = "CloudTrailNotifier.slnx";
    private const string FallbackCorpusDirectory = "/work/shared/corpus/envelopes";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the directory that holds the solution file).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The directory of <c>*.jsonl</c> EventBridge envelopes shared by all checkouts.</summary>
    public static string CorpusDirectory
    {
        get
        {
            var besideRepository = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "envelopes"));
            if (Directory.Exists(besideRepository))
            {
                return besideRepository;
            }

            if (Directory.Exists(FallbackCorpusDirectory))
            {
                return FallbackCorpusDirectory;
            }

            throw new DirectoryNotFoundException(
                $"The event corpus is neither at {besideRepository} nor at {FallbackCorpusDirectory}.");
        }
    }

    /// <summary>The <c>events/</c> directory of sample events.</summary>
    public static string EventsDirectory => Path.Combine(RepositoryRoot, "events");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
