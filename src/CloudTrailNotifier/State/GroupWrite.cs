using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>
/// A conditional write of a group: written, or refused, and in both cases the group as it now stands (the written
/// state, or the one that refused the write, read from the refusal itself), so the caller decides again without
/// another read. <see cref="Current"/> is null when there is no group.
/// </summary>
internal sealed record GroupWrite(bool Written, GroupState? Current);
