namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// The resources a call named, at most <see cref="ResourceDescriber.MaxResources"/>, and how many more distinct ones
/// the request named beyond them (so a notification says "and 3 more" only when there are 3 more).
/// </summary>
internal sealed class ResourceList : List<ResourceRef>
{
    private HashSet<string>? _omitted;

    public ResourceList()
        : base(2)
    {
    }

    /// <summary>Distinct resources left out because the list was full.</summary>
    public int Omitted => _omitted?.Count ?? 0;

    /// <summary>Counts a resource left out, once however often the request repeats it.</summary>
    public void Omit(ResourceKind kind, string identifier) =>
        (_omitted ??= new HashSet<string>(StringComparer.Ordinal)).Add(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + identifier);
}
