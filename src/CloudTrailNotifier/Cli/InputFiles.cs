using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Cli;

/// <summary>Reads a FILE argument (<c>-</c> is standard input) and splits it into events.</summary>
internal static class InputFiles
{
    /// <summary>What one byte array can hold; CloudTrail log files are a few megabytes.</summary>
    private const long MaxInputBytes = 0x7FFFFFC7;

    private const string TooLarge = "is larger than 2 GB, more than one array can hold; split it (CloudTrail log files are a few megabytes)";

    public static IReadOnlyList<System.Text.Json.JsonElement> ReadEvents(string path, CliEnvironment environment)
    {
        byte[] content;
        try
        {
            content = path == "-" ? ReadAll(environment.StandardInput) : ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(Describe(ex, path));
        }

        return InputReader.ReadEvents(content);
    }

    /// <summary>Reads the events, or writes the one error line that says why not and returns false.</summary>
    public static bool TryReadEvents(string path, CliEnvironment environment, out IReadOnlyList<System.Text.Json.JsonElement> events)
    {
        try
        {
            events = ReadEvents(path, environment);
            return true;
        }
        catch (InputFormatException ex)
        {
            environment.WriteError($"{DisplayName(path)}: {ex.Message}");
            events = [];
            return false;
        }
    }

    /// <summary>How a path is named in an error line.</summary>
    public static string DisplayName(string path) => path == "-" ? "standard input" : path;

    private static byte[] ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputFormatException("is a directory; give one event file (or - for standard input)");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // Pipes and /dev/stdin report no length; they are read like standard input.
        if (file.CanSeek && file.Length > MaxInputBytes)
        {
            throw new InputFormatException(TooLarge);
        }

        return ReadAll(file);
    }

    private static byte[] ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
            {
                throw new InputFormatException(TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Our sentence for why the file cannot be read; .NET's own text (a sentence too) only as the last resort.</summary>
    private static string Describe(Exception ex, string path) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "cannot be read: permission denied",
        PathTooLongException => "the path is too long",
        _ => "cannot be read: " + ex.Message,
    };
}
