namespace CloudTrailNotifier.LogFiles;

/// <summary>
/// The keys to read under a prefix, in key order, lazily (a page at a time, so reading starts before the listing
/// ends). With a time window and a prefix at or above a Region folder of CloudTrail's layout, it lists only the
/// day folders that can hold events of the window, finding accounts and Regions with delimiter listings.
/// </summary>
/// <param name="now">The current time, for a window open at the end.</param>
internal sealed class LogKeyWalker(ILogStore store, DateTimeOffset now)
{
    /// <summary>Objects that sat beside the layout's folders (say, a README under <c>AWSLogs/</c>) and were not read.</summary>
    public int OutsideLayout { get; private set; }

    public IEnumerable<string> Keys(string prefix, TimeWindow window)
    {
        var level = CloudTrailKeyLayout.Level(prefix);
        return window.IsBounded && level != KeyLevel.Outside ? Walk(prefix, level, window) : All(prefix);
    }

    private IEnumerable<string> Walk(string prefix, KeyLevel level, TimeWindow window)
    {
        if (level == KeyLevel.Region)
        {
            var days = CloudTrailKeyLayout.DayFolders(prefix, window, now);
            var keys = days is null ? DateFolders(prefix, prefix, window) : days.SelectMany(All);
            foreach (var key in keys)
            {
                yield return key;
            }

            yield break;
        }

        foreach (var folder in Folders(prefix))
        {
            if (CloudTrailKeyLayout.Follows(level, folder))
            {
                foreach (var key in Walk(folder, CloudTrailKeyLayout.Level(folder), window))
                {
                    yield return key;
                }
            }
        }
    }

    private IEnumerable<string> DateFolders(string regionPrefix, string folder, TimeWindow window)
    {
        foreach (var child in Folders(folder))
        {
            if (!CloudTrailKeyLayout.DateFolderOverlaps(regionPrefix, child, window, now, out var depth))
            {
                continue;
            }

            var keys = depth == 3 ? All(child) : DateFolders(regionPrefix, child, window);
            foreach (var key in keys)
            {
                yield return key;
            }
        }
    }

    /// <summary>Every key under the prefix, page by page.</summary>
    private IEnumerable<string> All(string prefix)
    {
        string? token = null;
        do
        {
            var page = store.List(prefix, delimiter: null, token);
            foreach (var key in page.Keys)
            {
                yield return key;
            }

            token = page.NextToken;
        }
        while (token is not null);
    }

    /// <summary>The folders directly under the prefix; objects beside them are counted, not read.</summary>
    private IEnumerable<string> Folders(string prefix)
    {
        string? token = null;
        do
        {
            var page = store.List(prefix, delimiter: "/", token);
            OutsideLayout += page.Keys.Count;
            foreach (var folder in page.Prefixes)
            {
                yield return folder;
            }

            token = page.NextToken;
        }
        while (token is not null);
    }
}
