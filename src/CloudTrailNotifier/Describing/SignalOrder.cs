namespace CloudTrailNotifier.Describing;

/// <summary>The order signals are shown in: most alarming first.</summary>
internal static class SignalOrder
{
    public static IReadOnlyList<Signals> All { get; } =
    [
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

    /// <summary>The signals <paramref name="signals"/> holds, most alarming first: the one loop every output uses.</summary>
    public static IEnumerable<Signals> In(Signals signals)
    {
        foreach (var signal in All)
        {
            if (signals.HasFlag(signal))
            {
                yield return signal;
            }
        }
    }
}
