using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// What the "What to do" section offers for an event that did not come from AWS (<see cref="Signals.NotFromAws"/>): not
/// the event's own commands, whose every name the sender chose (deactivate this user's key, revoke that role's
/// sessions), but one that asks CloudTrail whether it recorded the call: an event history look-up by the event's id.
/// The id and region are untrusted too: the look-up is given only for an id shaped like CloudTrail's (a UUID) and names
/// only a region shaped like one, both quoted for the shell.
/// </summary>
internal static class ForgedEventCheck
{
    /// <summary>Whether the event's commands give way to the check.</summary>
    public static bool Applies(EventFacts facts) => (facts.Signals & Signals.NotFromAws) != 0;

    /// <summary>The look-up command; null when the event's id is not a UUID (CloudTrail has no event under it).</summary>
    public static string? Command(EventFacts facts)
    {
        if (facts.Event.EventId is not { Length: 36 } id || !Guid.TryParseExact(id, "D", out _))
        {
            return null;
        }

        var region = ConsoleLinks.IsRegion(facts.Event.Region) ? " --region " + ShellQuote.Arg(facts.Event.Region!) : string.Empty;
        return $"aws cloudtrail lookup-events --lookup-attributes {ShellQuote.Arg("AttributeKey=EventId,AttributeValue=" + id)}{region}";
    }
}
