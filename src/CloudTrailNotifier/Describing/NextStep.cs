namespace CloudTrailNotifier.Describing;

/// <summary>A command a responder may run, with every value from the event quoted for a POSIX shell.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Command">The command line; shown in the notification, never run by this program.</param>
internal sealed record NextStep(NextStepKind Kind, string Command);
