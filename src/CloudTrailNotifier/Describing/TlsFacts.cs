namespace CloudTrailNotifier.Describing;

/// <summary>The record's <c>tlsDetails</c>, as the body shows them.</summary>
internal sealed record TlsFacts(string? Version, string? CipherSuite, string? KeyExchange, string? HostHeader);
