namespace CloudTrailNotifier.Rendering.Texts;

/// <summary>The escaped strings a signal sentence may use.</summary>
internal readonly record struct SignalContext(
    string? ErrorCode,
    string? CallerAccount,
    string? RecipientAccount,
    string? Service);
