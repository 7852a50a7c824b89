using System.Globalization;
using System.Net.Http.Headers;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as documented for custom runtimes: <c>next</c>, <c>response</c>,
/// <c>error</c> and <c>init/error</c>. The one place that speaks it; the official RuntimeSupport package
/// would replace this file and <see cref="RuntimeLoop"/>.
/// </summary>
internal sealed class RuntimeApiClient(HttpClient http, string runtimeApi) : IRuntimeApi
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly Uri _base = new($"http://{runtimeApi}/2018-06-01/", UriKind.Absolute);

    /// <summary>Waits, with no timeout of its own, for the next event.</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(_base, "runtime/invocation/next"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"invocation/next answered HTTP {(int)response.StatusCode}");
        }

        var requestId = Header(response.Headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("invocation/next gave no Lambda-Runtime-Aws-Request-Id");
        DateTimeOffset? deadline = long.TryParse(Header(response.Headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(
            requestId,
            deadline,
            Header(response.Headers, "Lambda-Runtime-Trace-Id"),
            body);
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", body, errorType: null, cancellationToken);

    public Task PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error.ToJson(), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", error.ToJson(), error.ErrorType, cancellationToken);

    private async Task PostAsync(string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, path))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"{path} answered HTTP {(int)response.StatusCode}");
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
