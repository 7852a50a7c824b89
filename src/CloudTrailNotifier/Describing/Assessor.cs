using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Assesses an event against the <see cref="SeverityTable"/>. Pure.</summary>
internal static class Assessor
{
    public static Assessment Assess(EventFacts facts, DecoySecrets decoys)
    {
        var input = new RuleInput(facts, JsonFields.AsObject(facts.Event.RequestParameters), decoys);
        var rule = SeverityTable.Evaluate(input);
        var sharing = SharingChanges.Read(input.Parameters);
        var tampering = facts.Tamper is not null;
        if (rule is null && !tampering)
        {
            return Assessment.Routine with { Sharing = sharing };
        }

        // A change to the trail or to this stack's own resources blinds or silences the notifier: the highest
        // severity when it went through, high when it was refused (someone tried; check it today).
        // A change CloudFormation makes for a deployer (sam deploy) is expected more often than not: high, not a page.
        var deployment = facts.Actor.InvokedBy == ServiceNames.CloudFormationPrincipal;
        var tamperSeverity = input.Succeeded && !deployment ? Severity.Critical : Severity.High;
        var severity = !tampering ? rule!.Severity
            : rule is null || rule.Severity < tamperSeverity ? tamperSeverity : rule.Severity;
        var risk = rule?.Risk is { } kind ? RiskFacts.Build(kind, input) : null;
        var steps = severity >= Severity.High ? NextStepsBuilder.Build(risk, input) : [];
        return new Assessment(severity, risk, RiskFacts.PrincipalKind(input), steps) { Sharing = sharing };
    }
}
