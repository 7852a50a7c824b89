using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A scripted SNS endpoint on a loopback port: each request gets the next scripted answer (the last one repeats).
/// Records the form bodies and headers it received.
/// </summary>
internal sealed class FakeSns : IAsyncDisposable
{
    private readonly ConcurrentQueue<Answer> _script;
    private readonly Answer _last;
    private readonly LoopbackHttpServer _server;

    public FakeSns(params Answer[] script)
    {
        _script = new ConcurrentQueue<Answer>(script);
        _last = script[^1];
        _server = LoopbackHttpServer.Start(HandleAsync);
    }

    public Uri Endpoint => _server.BaseUri;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static Answer Published(string messageId) => new(200, $"""
        <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
          <PublishResult><MessageId>{messageId}</MessageId></PublishResult>
          <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
        </PublishResponse>
        """);

    public static Answer Error(int status, string code, string message, string type = "Sender") => new(status, $"""
        <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>req-2</RequestId>
        </ErrorResponse>
        """);

    public static Answer Throttling => Error(400, "Throttling", "Rate exceeded");

    /// <summary>Never answers (until the server stops).</summary>
    public static Answer Hang => new(0, string.Empty);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(stopping);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new ReceivedRequest(body, headers, DateTimeOffset.UtcNow));

        var answer = _script.TryDequeue(out var next) ? next : _last;
        if (answer.Status == 0)
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }

        await LoopbackHttpServer.WriteAsync(context.Response, answer.Status, answer.Body);
    }

    internal sealed record Answer(int Status, string Body);

    internal sealed record ReceivedRequest(string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt)
    {
        /// <summary>The decoded value of one form field.</summary>
        public string? Field(string name) => Body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))
            .FirstOrDefault();
    }
}
