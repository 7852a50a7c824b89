using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class SubjectBuilderTests
{
    private static readonly Notifier English = new(RenderOptions.Default);
    private static readonly Notifier Japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese });

    private const string DeniedRead = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111111111111:user/alice","accountId":"111111111111","accessKeyId":"AKIAEXAMPLE","userName":"alice"},
         "eventTime":"2024-05-01T12:00:00Z","eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","awsRegion":"us-east-1",
         "sourceIPAddress":"203.0.113.9","userAgent":"aws-cli/2.15.0","errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::111111111111:user/alice is not authorized",
         "requestParameters":{"secretId":"prod/db"},"responseElements":null,"eventID":"e-1","readOnly":true,"eventType":"AwsApiCall","recipientAccountId":"111111111111"}
        """;

    [Fact]
    public void A_denied_read_reads_as_the_gist()
    {
        var notification = English.Notify(TestEvents.Envelope(DeniedRead));

        Assert.Equal("[HIGH][DENIED] GetSecretValue on prod/db by alice (111111111111)", notification.Subject);
    }

    [Fact]
    public void Japanese_subjects_use_japanese_tags()
    {
        var notification = Japanese.Notify(TestEvents.Envelope(DeniedRead));

        Assert.Equal("[高][拒否] alice が prod/db に GetSecretValue (111111111111)", notification.Subject);
    }

    [Fact]
    public void English_subjects_transliterate_accents_and_drop_other_scripts()
    {
        var record = DeniedRead.Replace("\"userName\":\"alice\"", "\"userName\":\"Zoë Ångström 山田\"", StringComparison.Ordinal);

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.Equal("[HIGH][DENIED] GetSecretValue on prod/db by Zoe Angstrom ? (111111111111)", subject);
        Assert.Contains("山田", Japanese.Notify(TestEvents.Envelope(record)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_shortened_so_the_subject_stays_under_100_characters()
    {
        var record = DeniedRead
            .Replace("\"prod/db\"", $"\"{new string('s', 300)}\"", StringComparison.Ordinal)
            .Replace("\"userName\":\"alice\"", $"\"userName\":\"{new string('u', 300)}\"", StringComparison.Ordinal);

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.True(subject.Length < 100, subject);
        Assert.StartsWith("[HIGH][DENIED] GetSecretValue on sss", subject, StringComparison.Ordinal);
        Assert.Equal(SubjectText.MaxLength, subject.Length);
        Assert.Contains("... by uuu", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_name_cannot_start_a_new_subject_line()
    {
        var record = DeniedRead.Replace("\"userName\":\"alice\"", "\"userName\":\"alice\\r\\nBcc: x@example.com\"", StringComparison.Ordinal);

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
        Assert.Contains("alice\\r\\nBcc", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_signal_is_tagged_most_alarming_first()
    {
        var record = """
            {"userIdentity":{"type":"Root","principalId":"222222222222","arn":"arn:aws:iam::222222222222:root","accountId":"222222222222","invokedBy":"cloudformation.amazonaws.com",
              "sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
             "eventSource":"iam.amazonaws.com","eventName":"ListUsers","errorCode":"AccessDenied","sessionCredentialFromConsole":"true","recipientAccountId":"111111111111","sourceIPAddress":"cloudformation.amazonaws.com"}
            """;

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.StartsWith("[DENIED][ROOT][NO MFA][CROSS-ACCOUNT][CONSOLE][AWS SERVICE] ListUsers by root", subject, StringComparison.Ordinal);
        Assert.True(subject.Length < 100);
        Assert.Equal(Encoding.ASCII.GetByteCount(subject), Encoding.UTF8.GetByteCount(subject));
    }

    [Fact]
    public void The_account_goes_before_anything_is_cut()
    {
        var record = DeniedRead.Replace("\"prod/db\"", $"\"{new string('s', 30)}\"", StringComparison.Ordinal)
            .Replace("\"userName\":\"alice\"", $"\"userName\":\"{new string('u', 20)}\"", StringComparison.Ordinal);

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.Equal($"[HIGH][DENIED] GetSecretValue on {new string('s', 30)} by {new string('u', 20)}", subject);
    }

    [Fact]
    public void A_long_resource_leaves_the_caller_room_and_nothing_is_cut_short_of_the_limit()
    {
        var record = DeniedRead.Replace("\"prod/db\"", $"\"{new string('s', 120)}\"", StringComparison.Ordinal);

        var subject = English.Notify(TestEvents.Envelope(record)).Subject;

        Assert.EndsWith("... by alice", subject, StringComparison.Ordinal);
        Assert.Equal(SubjectText.MaxLength, subject.Length);
    }

    [Fact]
    public void A_machine_made_session_name_gives_way_to_the_role_name()
    {
        var record = DeniedRead.Replace(
            "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111111111111:user/alice\",\"accountId\":\"111111111111\",\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"alice\"}",
            "\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:aws-go-sdk-1688372212345\",\"arn\":\"arn:aws:sts::111111111111:assumed-role/ingest-worker/aws-go-sdk-1688372212345\",\"accountId\":\"111111111111\"}",
            StringComparison.Ordinal);

        var notification = English.Notify(TestEvents.Envelope(record));

        Assert.Equal("[HIGH][DENIED] GetSecretValue on prod/db by ingest-worker (111111111111)", notification.Subject);
        Assert.Contains("session aws-go-sdk-1688372212345 of IAM role ingest-worker", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_corpus_subject_is_cut_while_room_remains()
    {
        var early = new List<string>();
        foreach (var corpusEvent in Corpus.All)
        {
            var subject = English.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json)).Subject;
            // A literal "..." in a value (the AWS documentation writes invokedBy "...") is not a cut.
            if (subject.Contains("...", StringComparison.Ordinal) && subject.Length < SubjectText.MaxLength - 3
                && !corpusEvent.Json.Contains("...", StringComparison.Ordinal))
            {
                early.Add($"{corpusEvent.Name}: {subject}");
            }
        }

        Assert.True(early.Count == 0, string.Join("\n", early));
    }
}
