namespace CloudTrailNotifier.Folding;

/// <summary>Who made a call, as folding sees it (<see cref="FoldCallers"/>).</summary>
/// <param name="Principal">What a group is keyed on and its digest's "Who": the role with the person's session where one is known, else the role or user.</param>
/// <param name="RatePrincipal">What the rate guard counts a share for: always the role or user (a new session name is no new share).</param>
/// <param name="Session">The call's session as the digest lists it: the ARN's session name, with the source identity and the
/// Identity Center user beside it when present (<c>mallory, sourceIdentity alice</c>); null without a session.</param>
internal sealed record FoldCaller(string Principal, string RatePrincipal, string? Session);
