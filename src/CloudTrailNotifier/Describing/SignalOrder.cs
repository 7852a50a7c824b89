namespace CloudTrailNotifier.Describing;

/// <summary>The order signals are shown in: most alarming first.</summary>
internal static class SignalOrder
{
    private static readonly Signals[] Ordered =
    [
        Signals.NotFromAws,
        Signals.Tampering,
        Signals.UnknownAccount,
        Signals.AccessDenied,
        Signals.Error,
        Signals.Root,
        Signals.NoMfa,
        Signals.CrossAccount,
        Signals.ConsoleSession,
        Signals.AwsService,
    ];

    public static IReadOnlyList<Signals> All => Ordered;

    /// <summary>The signals <paramref name="signals"/> holds, most alarming first: the one loop every output uses.</summary>
    public static IEnumerable<Signals> In(Signals signals)
    {
        // The array itself, not the list interface: no enumerator to allocate, no interface call per signal.
        foreach (var signal in Ordered)
        {
            if ((signals & signal) != 0)
            {
                yield return signal;
            }
        }
    }
}
