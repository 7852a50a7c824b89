using System.Collections.Concurrent;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Passes requests on and records each DynamoDB operation sent (its <c>X-Amz-Target</c>, less the API version).</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> Operations { get; } = new();

    public List<string> Take()
    {
        var taken = new List<string>();
        while (Operations.TryDequeue(out var operation))
        {
            taken.Add(operation);
        }

        return taken;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            Operations.Enqueue(targets.First().Split('.')[^1]);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
