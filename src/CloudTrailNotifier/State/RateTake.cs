using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>What counting a first event in the rate guard's minute came to.</summary>
/// <param name="Taken">Counted: the event may be sent.</param>
/// <param name="Minute">Refused: the minute as it stood, read from the refusal itself (null when taken, or not returned).</param>
internal sealed record RateTake(bool Taken, RateMinute? Minute);
