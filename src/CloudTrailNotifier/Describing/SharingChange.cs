namespace CloudTrailNotifier.Describing;

/// <summary>
/// What a sharing call (EC2 snapshot or image permission, RDS snapshot attribute) adds and removes:
/// account ids, or <see cref="Everyone"/> for the <c>all</c> group.
/// </summary>
internal sealed record SharingChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>The value meaning "every AWS account": the group <c>all</c>.</summary>
    public const string Everyone = "all";

    public static SharingChange None { get; } = new([], []);

    public bool AddsEveryone => Added.Contains(Everyone);

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    /// <summary>The first added account id that is not <paramref name="recipient"/>, or null.</summary>
    public string? AddedOutside(string? recipient) =>
        Added.FirstOrDefault(account => AccountIds.IsOutside(account, recipient));
}
