namespace CloudTrailNotifier.Cli;

/// <summary>
/// Keeps a long stream of events within a few MiB of young garbage. The GC sizes its first-generation budget from
/// the CPU's cache (about 80 MiB of resident memory on a server CPU) and Native AOT reads no setting for it from the
/// project, while each event leaves only garbage behind: a first-generation collection every few MiB allocated is
/// cheap (nothing survives it) and keeps the process's peak RSS bounded whatever the input's size.
/// </summary>
internal sealed class Gen0Bound
{
    private const long Budget = 4 * 1024 * 1024;

    private long _next = GC.GetAllocatedBytesForCurrentThread() + Budget;

    /// <summary>Called once per event.</summary>
    public void AfterEvent()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (allocated >= _next)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _next = allocated + Budget;
        }
    }
}
