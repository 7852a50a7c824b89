using System.Text.Json;
using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// Reads a FILE argument (<c>-</c> is standard input) as a stream of events, writing one error line for each part that
/// cannot be read (flushing what was rendered before it, so the two stay in order) and remembering that one was.
/// </summary>
internal sealed class InputFiles(string path, CliEnvironment environment) : IEventInput
{
    /// <summary>Whether any part of the input could not be read (the exit status is then 2).</summary>
    public bool HadProblems { get; private set; }

    /// <summary>How a path is named in an error line.</summary>
    public static string DisplayName(string path) => path == "-" ? "standard input" : path;

    /// <summary>The events, in input order; each element is valid until the next is taken.</summary>
    public IEnumerable<JsonElement> Events()
    {
        var stream = Open(out var error);
        if (stream is null)
        {
            Report(error!, where: null);
            yield break;
        }

        using (stream)
        {
            foreach (var item in new EventStreamReader(stream).Read())
            {
                if (item.IsEvent)
                {
                    yield return item.Event;
                }
                else
                {
                    Report(item.Problem!, item.Where);
                }
            }
        }
    }

    /// <summary>Reports a failure that ended the reading (out of memory, say) as one line.</summary>
    public void Report(string problem, string? where)
    {
        HadProblems = true;
        environment.StandardOutput.Flush();
        var name = DisplayName(path);
        environment.WriteError(where is null ? $"{name}: {problem}" : $"{name} {where}: {problem}");
    }

    private Stream? Open(out string? error)
    {
        error = null;
        if (path == "-")
        {
            return environment.StandardInput;
        }

        if (Directory.Exists(path))
        {
            error = "is a directory; give one event file (or - for standard input)";
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = Describe(ex);
            return null;
        }
    }

    /// <summary>Our sentence for why the file cannot be read; .NET's own text (a sentence too) only as the last resort.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "cannot be read: permission denied",
        PathTooLongException => "the path is too long",
        _ => "cannot be read: " + ex.Message,
    };
}
