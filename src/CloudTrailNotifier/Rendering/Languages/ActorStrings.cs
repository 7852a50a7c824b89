namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>The escaped strings a sentence about the caller may use.</summary>
internal readonly record struct ActorStrings(
    string? Name,
    string? Alias,
    string? Role,
    string? Session,
    string? PermissionSet,
    string? Provider,
    string? Account,
    string? Type);
