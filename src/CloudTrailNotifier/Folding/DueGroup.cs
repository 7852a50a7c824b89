namespace CloudTrailNotifier.Folding;

/// <summary>A group whose digest is due, as the state table's due index lists it.</summary>
/// <param name="Key">The group's key.</param>
/// <param name="DueAt">When its digest fell due.</param>
/// <param name="Share">Who it counts for when a sweep shares its limit out: a stand-in for its rate principal (the role or
/// user, <see cref="GroupState.RateKey"/>), equal for equal principals; null for a group stored before it was kept.</param>
internal sealed record DueGroup(string Key, DateTimeOffset DueAt, string? Share);
