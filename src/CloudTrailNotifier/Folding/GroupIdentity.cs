namespace CloudTrailNotifier.Folding;

/// <summary>What makes events one group: same account, principal, event source and name, resource and outcome.</summary>
internal sealed record GroupIdentity(
    string Account,
    string Principal,
    string EventSource,
    string EventName,
    string Resource,
    string Outcome,
    string Region);
