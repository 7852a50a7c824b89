using System.Globalization;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as documented for custom runtimes: <c>next</c>, <c>response</c>,
/// <c>error</c> and <c>init/error</c>. The one place that speaks it; the official RuntimeSupport package
/// would replace this file and <see cref="RuntimeLoop"/>. The calls block on a <see cref="RuntimeApiConnection"/>
/// and return completed tasks: the first event is read and handled on the thread that started the runtime.
/// </summary>
internal sealed class RuntimeApiClient(string runtimeApi) : IRuntimeApi, IDisposable
{
    private const string Prefix = "/2018-06-01/";

    private readonly RuntimeApiConnection _connection = new(runtimeApi);

    /// <summary>Waits, with no timeout of its own, for the next event.</summary>
    public Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        var response = _connection.Send("GET", Prefix + "runtime/invocation/next", body: null, errorType: null, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new RuntimeApiException($"invocation/next answered HTTP {response.Status}");
        }

        var requestId = response.Header("Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("invocation/next gave no Lambda-Runtime-Aws-Request-Id");
        DateTimeOffset? deadline = long.TryParse(response.Header("Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return Task.FromResult(new Invocation(requestId, deadline, response.Header("Lambda-Runtime-Trace-Id"), response.Body));
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        Post($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", body, errorType: null, cancellationToken);

    public Task PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        Post($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error.ToJson(), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        Post("runtime/init/error", error.ToJson(), error.ErrorType, cancellationToken);

    public void Dispose() => _connection.Dispose();

    private Task Post(string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        var response = _connection.Send("POST", Prefix + path, body, errorType, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new RuntimeApiException($"{path} answered HTTP {response.Status}");
        }

        return Task.CompletedTask;
    }
}
