using System.Collections.Concurrent;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Lambda;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>The Lambda face of the program running in the background against a <see cref="FakeRuntimeApi"/>.</summary>
internal sealed class LambdaHostRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = AwsHttp.Create();

    public LambdaHostRun(FakeRuntimeApi api, IReadOnlyDictionary<string, string> variables, AwsCredentialsSource? credentials = null)
    {
        var aws = new AwsEdges(_http, credentials ?? AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"), TimeProvider.System, () => 0.1);
        Completion = Task.Run(() => LambdaHost.RunAsync(
            api.Address,
            name => variables.GetValueOrDefault(name),
            (name, value) => SetVariables[name] = value,
            Log,
            aws,
            _stop.Token));
    }

    /// <summary>The exit code the host returns.</summary>
    public Task<int> Completion { get; }

    /// <summary>Environment variables the runtime set (e.g. _X_AMZN_TRACE_ID).</summary>
    public ConcurrentDictionary<string, string?> SetVariables { get; } = new();

    public StringWriter Log { get; } = new() { NewLine = "\n" };

    public IReadOnlyList<string> LogLines => Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Completion.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
        _http.Dispose();
    }
}
