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

    /// <summary>The clock that stamps <see cref="ReceivedRequest.ReceivedAt"/> (a fake one in retry tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

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
        Requests.Enqueue(new ReceivedRequest(body, headers, Clock.GetUtcNow()));

        var answer = _script.TryDequeue(out var next) ? next : _last;
        if (answer.Status == 0)
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }

        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, stopping);
        }

        if (answer.CutAfter is { } cut)
        {
            // The status line and headers promise the whole body; the connection breaks after the first bytes.
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, cut), stopping);
            await context.Response.OutputStream.FlushAsync(stopping);
            context.Response.Abort();
            return;
        }

        await LoopbackHttpServer.WriteAsync(context.Response, answer.Status, answer.Body);
    }

    /// <summary>A 2xx Publish answer whose connection breaks after <paramref name="bytes"/> bytes of the body.</summary>
    public static Answer CutPublished(string messageId, int bytes) => Published(messageId) with { CutAfter = bytes };

    /// <param name="Delay">Waits this long before answering.</param>
    /// <param name="CutAfter">Sends only this many bytes of the body, then breaks the connection.</param>
    internal sealed record Answer(int Status, string Body, TimeSpan Delay = default, int? CutAfter = null);

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
