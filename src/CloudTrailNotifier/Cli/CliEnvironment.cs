namespace CloudTrailNotifier.Cli;

/// <summary>The process edges a command touches, injected so commands can be tested in memory.</summary>
internal sealed record CliEnvironment(
    Stream StandardInput,
    TextWriter StandardOutput,
    TextWriter StandardError,
    Func<string, string?> GetVariable)
{
    public static CliEnvironment FromProcess() => new(
        Console.OpenStandardInput(),
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable);
}
