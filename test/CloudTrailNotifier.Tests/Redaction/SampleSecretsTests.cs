using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>The sample events plant secrets (each holds the word PLANTED); no output of any sample shows one.</summary>
public sealed class SampleSecretsTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.SampleEventFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void No_sample_shows_a_planted_secret_in_any_language_or_format(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.EventsDirectory, file));
        foreach (var language in new[] { NotificationLanguage.English, NotificationLanguage.Japanese })
        {
            var notification = new Notifier(RenderOptions.Default with { Language = language }).Notify(bytes);
            var outputs = new[] { notification.Subject, notification.Message, PublishRequestJson.Write(notification) }
                .Concat(notification.Attributes.Select(a => a.Value));

            Assert.All(outputs, output => Assert.DoesNotContain("PLANTED", output, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_secret_families_are_all_planted_in_the_samples()
    {
        var texts = Corpus.SampleEventFiles().Select(File.ReadAllText).ToList();

        foreach (var key in new[] { "secretAccessKey", "sessionToken", "\"password\"", "secretString", "secretBinary", "masterUserPassword", "authParameters", "idToken", "keyMaterial", "privateKey", "SecureString" })
        {
            Assert.Contains(texts, text => text.Contains(key, StringComparison.Ordinal) && text.Contains("PLANTED", StringComparison.Ordinal));
        }
    }
}
