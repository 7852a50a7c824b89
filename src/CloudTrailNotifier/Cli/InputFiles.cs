using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Cli;

/// <summary>Reads a FILE argument (<c>-</c> is standard input) and splits it into events.</summary>
internal static class InputFiles
{
    public static IReadOnlyList<System.Text.Json.JsonElement> ReadEvents(string path, CliEnvironment environment)
    {
        byte[] content;
        try
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                environment.StandardInput.CopyTo(buffer);
                content = buffer.ToArray();
            }
            else
            {
                content = File.ReadAllBytes(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(ex is FileNotFoundException or DirectoryNotFoundException
                ? "no such file"
                : "cannot be read: " + ex.Message);
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
}
