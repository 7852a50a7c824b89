namespace CloudTrailNotifier.Cli;

/// <summary>The process edges a command touches, injected so commands can be tested in memory.</summary>
internal sealed record CliEnvironment(
    Stream StandardInput,
    TextWriter StandardOutput,
    TextWriter StandardError,
    Func<string, string?> GetVariable)
{
    /// <summary>Writes one error line; whatever the message holds (a path, an AWS message) stays on that line.</summary>
    public void WriteError(string message)
    {
        StandardError.Write("error: ");
        StandardError.Write(Rendering.SafeText.Clean(message, 2000, markSpaceRuns: false));
        StandardError.Write('\n');
        StandardError.Flush();
    }

    /// <summary>Writes one warning line: something worked, but not entirely as it should.</summary>
    public void WriteWarning(string message)
    {
        StandardError.Write("warning: ");
        StandardError.Write(Rendering.SafeText.Clean(message, 2000, markSpaceRuns: false));
        StandardError.Write('\n');
        StandardError.Flush();
    }

    /// <remarks>Standard output is buffered (Console.Out flushes every write); commands flush before each error line and at the end.</remarks>
    public static CliEnvironment FromProcess() => new(
        Console.OpenStandardInput(),
        new StreamWriter(
            new BufferedStream(Console.OpenStandardOutput(), 64 * 1024),
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            16 * 1024)
        {
            AutoFlush = false,
            NewLine = "\n",
        },
        Console.Error,
        Environment.GetEnvironmentVariable);
}
