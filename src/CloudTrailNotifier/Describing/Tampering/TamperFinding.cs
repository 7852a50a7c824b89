namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>A call recognised as tampering, and the resource it changed.</summary>
/// <param name="Target">The kind of resource.</param>
/// <param name="Name">Its short name (a trail's name rather than its ARN), or null when the request named none.</param>
/// <param name="Identifier">The value exactly as the caller passed it, or null when the request named none.</param>
internal sealed record TamperFinding(TamperTargetKind Target, string? Name, string? Identifier);
