using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>Writes the severity and why it matters into the summary, and the "What to do" section.</summary>
internal static class AssessmentWriter
{
    private const int MaxPiece = 256;
    private const int MaxCommand = 2048;

    public static void WriteSummary(TextLayout layout, EventFacts facts, AssessmentTexts t)
    {
        var assessment = facts.Assessment;
        layout.Field(t.SeverityLabel, t.SeverityValue(assessment.Severity));
        if (assessment.Risk is { } risk)
        {
            layout.Field(t.RiskLabel, t.Risk(risk.Kind, Strings(risk, assessment.PrincipalKind)));
        }
    }

    /// <summary>What a sharing call adds and removes, each account marked when it is outside this one.</summary>
    public static void WriteSharing(TextLayout layout, EventFacts facts, AssessmentTexts t)
    {
        var sharing = facts.Assessment.Sharing;
        if (sharing.IsEmpty)
        {
            return;
        }

        var recipient = facts.Event.RecipientAccount;
        string Describe(IReadOnlyList<string> accounts) => string.Join(", ", accounts.Select(account =>
            account == SharingChange.Everyone ? t.Everyone
            : AccountIds.IsOutside(account, recipient) ? t.OutsideMark(SafeText.Clean(account, 64))
            : SafeText.Clean(account, 64)));

        layout.Field(t.SharingLabel, t.SharingValue(
            sharing.Added.Count == 0 ? null : Describe(sharing.Added),
            sharing.Removed.Count == 0 ? null : Describe(sharing.Removed)));
    }

    public static void WriteNextSteps(TextLayout layout, EventFacts facts, AssessmentTexts t)
    {
        var steps = facts.Assessment.NextSteps;
        if (steps.Count == 0)
        {
            return;
        }

        layout.Section(t.NextStepsTitle);
        layout.Line("  " + t.NextStepsNote);
        foreach (var step in steps)
        {
            layout.Line("  " + t.NextStep(step.Kind));
            layout.Line("    " + SafeText.Clean(step.Command, MaxCommand));
        }
    }

    private static RiskStrings Strings(Risk risk, ResourceKind principalKind) => new(
        Safe(risk.Target) ?? "-",
        Safe(risk.Principal) ?? "-",
        principalKind,
        Safe(risk.OutsideAccount),
        Safe(risk.Region) ?? "-");

    private static string? Safe(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : SafeText.Clean(value, MaxPiece);
}
