using CloudTrailNotifier.LogFiles;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>A real store (S3 through moto) whose List requests are written down, to see which prefixes were listed.</summary>
internal sealed class RecordingLogStore(ILogStore inner) : ILogStore
{
    public List<(string Prefix, string? Delimiter)> Listed { get; } = [];

    public LogListing List(string prefix, string? delimiter, string? continuationToken)
    {
        Listed.Add((prefix, delimiter));
        return inner.List(prefix, delimiter, continuationToken);
    }

    public Stream Open(string key) => inner.Open(key);
}
