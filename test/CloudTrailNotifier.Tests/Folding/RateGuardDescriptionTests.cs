using System.Text;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>What template.yaml's RateGuardPerMinute description says never folds is what FoldingPolicy never folds.</summary>
public sealed partial class RateGuardDescriptionTests
{
    private readonly Notifier _notifier = new(RenderOptions.Default, FoldEventReader.Read);

    [Fact]
    public void The_never_folded_list_names_high_and_critical_events_and_no_class_that_folds()
    {
        var description = Description();
        var neverFolded = NeverFoldedList().Match(description);
        Assert.True(neverFolded.Success, description);
        var list = neverFolded.Groups["list"].Value;

        // Writes and denied calls below high do fold (and count): the list must not say otherwise.
        var samples = Directory.GetFiles(RepositoryFiles.Path("events"), "*.json").Select(f => _notifier.Notify(File.ReadAllBytes(f))).ToList();
        Assert.Contains(samples, n => Attribute(n, "readOnly") == "false" && !FoldingPolicy.IsUnfoldable(n));
        var denied = File.ReadAllText(RepositoryFiles.Path("events", "ec2-describe-instances-terraform.json"))
            .Replace("\"requestParameters\"", "\"errorCode\": \"Client.UnauthorizedOperation\", \"requestParameters\"", StringComparison.Ordinal);
        var deniedNotification = _notifier.Notify(Encoding.UTF8.GetBytes(denied));
        Assert.Equal("denied", Attribute(deniedNotification, "outcome"));
        Assert.False(FoldingPolicy.IsUnfoldable(deniedNotification));
        Assert.DoesNotContain("writes", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("denied", list, StringComparison.OrdinalIgnoreCase);

        // Root and the rest of what the list names are high or critical, which never fold.
        Assert.Contains("high or critical", neverFolded.Value, StringComparison.Ordinal);
        var root = _notifier.Notify(File.ReadAllBytes(RepositoryFiles.Path("events", "secretsmanager-get-secret-value-root.json")));
        Assert.Contains(Attribute(root, "severity"), (string[])["high", "critical"]);
        Assert.True(FoldingPolicy.IsUnfoldable(root));
        Assert.Contains("root", list, StringComparison.Ordinal);
    }

    /// <summary>The parameter's folded (<c>&gt;-</c>) description, its lines joined.</summary>
    private static string Description()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path("template.yaml"));
        var at = Array.FindIndex(lines, l => l == "  RateGuardPerMinute:");
        var start = Array.FindIndex(lines, at, l => l.TrimStart().StartsWith("Description:", StringComparison.Ordinal)) + 1;
        return string.Join(' ', lines.Skip(start).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()));
    }

    private static string? Attribute(Notification notification, string name) =>
        notification.Attributes.Where(a => a.Name == name).Select(a => a.Value).FirstOrDefault();

    /// <summary>The sentence that says what never folds, and its parenthesised list.</summary>
    [GeneratedRegex(@"[^.]*\((?<list>[^)]*)\)[^.]*never fold[^.]*\.|[^.]*never fold[^.(]*\((?<list>[^)]*)\)[^.]*\.")]
    private static partial Regex NeverFoldedList();
}
