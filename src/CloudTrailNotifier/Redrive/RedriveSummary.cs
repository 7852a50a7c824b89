namespace CloudTrailNotifier.Redrive;

/// <summary>What a redrive did, so far or in the end.</summary>
/// <param name="Published">Notifications published (their messages deleted, unless <see cref="QueueProblems"/> says otherwise).</param>
/// <param name="Rendered">Notifications rendered in a dry run (nothing published, the messages stay).</param>
/// <param name="Left">Messages with no event in them, left in the queue.</param>
/// <param name="Failed">Messages whose notification could not be published, left in the queue.</param>
/// <param name="QueueProblems">Queue calls that failed (receive, delete, release).</param>
/// <param name="Stopped">Why the run ended before the queue was drained; null when it was drained (or the limit reached).</param>
internal sealed record RedriveSummary(int Published, int Rendered, int Left, int Failed, int QueueProblems, string? Stopped)
{
    public int Handled => Published + Rendered + Left + Failed;

    /// <summary><c>redrive: N published, M left, K failed</c>, with the dry run's count and the reason it stopped.</summary>
    public string Line(bool dryRun)
    {
        var line = dryRun
            ? $"redrive: {Published} published (dry run: {Rendered} rendered, nothing deleted), {Left} left, {Failed} failed"
            : $"redrive: {Published} published, {Left} left, {Failed} failed";
        return Stopped is null ? line : $"{line}; stopped: {Stopped}";
    }
}
