using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Describing;

/// <summary>What a severity rule looks at: the event's facts, its request parameters and the decoy list.</summary>
internal readonly record struct RuleInput(EventFacts Facts, JsonElement? Parameters, DecoySecrets Decoys)
{
    /// <summary>The service prefix (<c>secretsmanager</c>), worked out once for the whole table.</summary>
    public string? Service { get; } = ResourceDescriber.ServicePrefix(Facts.Event.EventSource);

    public string? EventName => Facts.EventName;

    public bool Succeeded => Facts.Outcome == Outcome.Succeeded;

    public string? Recipient => Facts.Event.RecipientAccount;
}
