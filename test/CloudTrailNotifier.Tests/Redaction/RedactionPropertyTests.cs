using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Secrets planted anywhere in real corpus events never reach any output, in either language.</summary>
public sealed class RedactionPropertyTests
{
    private static readonly Notifier English = new(RenderOptions.Default);
    private static readonly Notifier Japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese });

    [Property(Arbitrary = [typeof(SecretPlants)], MaxTest = 500)]
    public void A_planted_secret_appears_in_no_output(SecretPlant plant)
    {
        var bytes = plant.Apply();
        foreach (var notifier in new[] { English, Japanese })
        {
            var notification = notifier.Notify(bytes);
            AssertAbsent(plant.Value, notification, plant.ToString());
            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
        }
    }

    [Property(Arbitrary = [typeof(SecretPlants)], MaxTest = 300)]
    public void A_planted_secret_in_damaged_json_appears_in_no_output(SecretPlant plant)
    {
        var bytes = plant.ApplyDamaged();
        foreach (var notifier in new[] { English, Japanese })
        {
            AssertAbsent(plant.Value, notifier.Notify(bytes), plant + " cut");
        }
    }

    /// <summary>Neither the value nor a recognisable piece of it (its first or last 12 characters) may show.</summary>
    internal static void AssertAbsent(string secret, Notification notification, string context)
    {
        var outputs = new List<string> { notification.Subject, notification.Message, PublishRequestJson.Write(notification) };
        outputs.AddRange(notification.Attributes.Select(a => a.Value));
        foreach (var output in outputs)
        {
            foreach (var piece in new[] { secret[..12], secret[^12..] })
            {
                Assert.False(output.Contains(piece, StringComparison.Ordinal), $"{context}: '{piece}' leaked in:\n{Excerpt(output, piece)}");
            }
        }
    }

    private static string Excerpt(string output, string piece)
    {
        var at = output.IndexOf(piece, StringComparison.Ordinal);
        return output.Substring(Math.Max(0, at - 200), Math.Min(output.Length - Math.Max(0, at - 200), 400));
    }
}
