using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Assesses an event against the <see cref="SeverityTable"/>. Pure.</summary>
internal static class Assessor
{
    public static Assessment Assess(EventFacts facts, DecoySecrets decoys)
    {
        var input = new RuleInput(facts, JsonFields.Object(facts.Event.Record, "requestParameters"), decoys);
        var rule = SeverityTable.Evaluate(input);
        var sharing = SharingChanges.Read(input.Parameters);
        if (rule is null)
        {
            return Assessment.Routine with { Sharing = sharing };
        }

        var risk = rule.Risk is { } kind ? RiskFacts.Build(kind, input) : null;
        var steps = rule.Severity >= Severity.High ? NextStepsBuilder.Build(risk, input) : [];
        return new Assessment(rule.Severity, risk, RiskFacts.PrincipalKind(input), steps) { Sharing = sharing };
    }
}
