using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// Credentials from a profile's <c>credential_process</c>, run through <c>sh -c</c> as the AWS CLI does, with a
/// time limit: a helper that hangs is killed (with its children) and reported in one line, never waited for
/// forever. The SDK's own provider has no time limit and reports failures as exception type names.
/// </summary>
internal sealed class CredentialProcessCredentials : RefreshingAWSCredentials
{
    /// <summary>How long a helper may take; long enough for one that fetches from a vault, short enough to notice.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly string _command;
    private readonly string _profile;
    private readonly TimeSpan _timeout;

    public CredentialProcessCredentials(string command, string profile, TimeSpan timeout)
    {
        _command = command.Trim();
        _profile = profile;
        _timeout = timeout;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", _command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Problem("could not be started", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw Problem($"gave no answer within {_timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped");
            }

            var output = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var said = FirstLine(errors);
                throw Problem(said.Length == 0
                    ? $"failed with exit status {process.ExitCode}"
                    : $"failed with exit status {process.ExitCode}: {said}");
            }

            try
            {
                var (credentials, expiration) = CredentialProcessOutput.Parse(output);
                return new CredentialsRefreshState(credentials, expiration);
            }
            catch (FormatException ex)
            {
                throw Problem("succeeded, but " + ex.Message);
            }
        }
    }

    private CredentialsProblem Problem(string what, Exception? inner = null) =>
        new($"the credential_process of profile '{_profile}' ({FirstWord(_command)}) {what}", inner);

    /// <summary>The program, not its arguments: those may carry a secret or a vault path.</summary>
    private static string FirstWord(string command)
    {
        var end = command.IndexOfAny([' ', '\t']);
        return end < 0 ? command : command[..end];
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.AsSpan().IndexOfAny('\r', '\n');
        var line = end < 0 ? trimmed : trimmed[..end].TrimEnd();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
