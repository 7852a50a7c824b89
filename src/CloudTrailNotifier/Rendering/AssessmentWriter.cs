using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes the severity and why it matters into the summary, and the "What to do" section (for an event not from AWS,
/// how to check it instead: <see cref="ForgedEventCheck"/>).
/// </summary>
internal static class AssessmentWriter
{
    private const int MaxCommand = 2048;

    public static void WriteSummary(TextLayout layout, EventFacts facts, SummaryPhrases phrases)
    {
        var t = phrases.Texts.Assessment;
        layout.Field(t.SeverityLabel, t.SeverityValue(facts.Assessment.Severity));
        if (phrases.Risk(facts) is { } risk)
        {
            layout.Field(t.RiskLabel, risk);
        }
    }

    /// <summary>What a sharing call adds and removes, each account marked when it is outside this one.</summary>
    public static void WriteSharing(TextLayout layout, EventFacts facts, SummaryPhrases phrases)
    {
        if (phrases.Sharing(facts) is { } sharing)
        {
            layout.Field(phrases.Texts.Assessment.SharingLabel, sharing);
        }
    }

    public static void WriteNextSteps(TextLayout layout, EventFacts facts, AssessmentTexts t)
    {
        if (ForgedEventCheck.Applies(facts))
        {
            // Not from AWS: the sender chose every name the commands would act on. Only how to check it is offered.
            layout.Section(t.NextStepsTitle);
            layout.Line(TextLayout.Indent, t.ForgedStepsNote);
            if (ForgedEventCheck.Command(facts) is { } lookup)
            {
                layout.Line(TextLayout.Indent, t.ForgedLookup);
                layout.Line(TextLayout.ItemIndent, CommandText.Clean(lookup, MaxCommand));
            }
            else
            {
                layout.Line(TextLayout.Indent, t.ForgedIdNotCloudTrails);
            }

            return;
        }

        var steps = facts.Assessment.NextSteps;
        if (steps.Count == 0)
        {
            return;
        }

        layout.Section(t.NextStepsTitle);
        layout.Line(TextLayout.Indent, t.NextStepsNote);
        foreach (var step in steps)
        {
            layout.Line(TextLayout.Indent, t.NextStep(step.Kind));
            layout.Line(TextLayout.ItemIndent, CommandText.Clean(step.Command, MaxCommand));
        }
    }
}
