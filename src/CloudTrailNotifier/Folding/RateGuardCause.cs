namespace CloudTrailNotifier.Folding;

/// <summary>Why the rate guard held a first event back, for its digest to say who caused it.</summary>
/// <param name="OwnShare">The event's own principal had used its share of the minute (<see cref="FoldDecider.PrincipalShare"/>).</param>
/// <param name="Principals">Otherwise the minute's limit was reached: by the first events of this many principals (0: not known).</param>
internal sealed record RateGuardCause(bool OwnShare, int Principals);
