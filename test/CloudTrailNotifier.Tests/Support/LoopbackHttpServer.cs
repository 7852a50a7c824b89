using System.Net;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>A small HTTP server on a free loopback port; each request is handled concurrently by <c>handler</c>.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private LoopbackHttpServer(HttpListener listener, Uri baseUri, Func<HttpListenerContext, CancellationToken, Task> handler)
    {
        _listener = listener;
        _handler = handler;
        BaseUri = baseUri;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, ending in a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>host:port, the shape AWS_LAMBDA_RUNTIME_API has.</summary>
    public string Authority => BaseUri.Authority;

    public static LoopbackHttpServer Start(Func<HttpListenerContext, CancellationToken, Task> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var baseUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUri.ToString());
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, baseUri, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType = "text/xml")
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            // Close alone: Stop then Close makes the managed listener look the port up again on removal,
            // which binds it anew and fails when another test has taken the port meanwhile.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The port was already released; nothing is left to stop.
        }
        try
        {
            await _accepting;
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _handler(context, _stopping.Token);
        }
        catch (Exception)
        {
            // The server is stopping or the client went away; a test that cares asserts on what it recorded.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
