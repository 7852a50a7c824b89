namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>What an external tool printed and how it exited.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
