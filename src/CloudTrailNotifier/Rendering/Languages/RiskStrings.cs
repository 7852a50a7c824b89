using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>The escaped values a risk sentence names; placeholders stand in for what the event lacks.</summary>
internal sealed record RiskStrings(string Target, string Principal, ResourceKind PrincipalKind, string? OutsideAccount, string Region);
