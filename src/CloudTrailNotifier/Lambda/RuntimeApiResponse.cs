namespace CloudTrailNotifier.Lambda;

/// <summary>One answer of the Runtime API: the status, the headers (first value of each, names case-insensitive) and the body.</summary>
internal sealed record RuntimeApiResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
