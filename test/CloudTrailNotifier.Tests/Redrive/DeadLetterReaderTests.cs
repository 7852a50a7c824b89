using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redrive;

public sealed class DeadLetterReaderTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    public static TheoryData<string> SampleEvents() => new(Corpus.SampleEventFiles().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void The_event_inside_a_Lambda_failure_record_is_the_requestPayload_exactly(string file)
    {
        var eventJson = File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, file));

        var content = DeadLetterReader.Read(DeadLetters.FailureRecord(eventJson), NoAttributes);

        Assert.True(content.HasEvent, content.Problem);
        Assert.Equal(DeadLetterOrigin.LambdaFailureRecord, content.Origin);
        Assert.Equal("RetriesExhausted", content.FailureCode);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(eventJson).RootElement, JsonDocument.Parse(content.Event).RootElement));
    }

    [Fact]
    public void A_rule_dead_letter_is_the_event_itself_named_by_its_ERROR_CODE()
    {
        var body = File.ReadAllText(TestEvents.SeedPath);

        var content = DeadLetterReader.Read(body, DeadLetters.RuleAttributes("SDK_CLIENT_ERROR"));

        Assert.Equal(DeadLetterOrigin.RuleDeadLetter, content.Origin);
        Assert.Equal("SDK_CLIENT_ERROR", content.FailureCode);
        Assert.Equal(body, Encoding.UTF8.GetString(content.Event.Span));
        Assert.Equal("EventBridge rule dead letter, SDK_CLIENT_ERROR", content.Describe());
    }

    [Fact]
    public void A_Lambda_asynchronous_dead_letter_is_the_event_itself_with_its_ErrorCode()
    {
        var body = File.ReadAllText(TestEvents.SeedPath);

        var content = DeadLetterReader.Read(body, DeadLetters.LambdaAttributes());

        Assert.Equal(DeadLetterOrigin.LambdaDeadLetter, content.Origin);
        Assert.Equal("200", content.FailureCode);
        Assert.Equal(body, Encoding.UTF8.GetString(content.Event.Span));
    }

    [Fact]
    public void An_event_without_attributes_is_still_an_event()
    {
        var content = DeadLetterReader.Read(File.ReadAllText(TestEvents.SeedPath), NoAttributes);

        Assert.Equal(DeadLetterOrigin.Event, content.Origin);
        Assert.True(content.HasEvent);
        Assert.Null(content.FailureCode);
    }

    [Theory]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"detail-type":"AWS API Call via CloudTrail","detail":"not an object"}""")]
    public void A_JSON_object_that_is_no_event_the_notifier_understands_is_still_redriven_for_the_fallback(string body)
    {
        var content = DeadLetterReader.Read(body, DeadLetters.RuleAttributes());

        Assert.True(content.HasEvent);
        Assert.Equal(body, Encoding.UTF8.GetString(content.Event.Span));
    }

    [Fact]
    public void A_payload_Lambda_recorded_as_a_string_is_handed_on_as_the_bytes_the_function_got()
    {
        var record = """{"requestContext":{"condition":"RetriesExhausted"},"requestPayload":"not json {","responseContext":{}}""";

        var content = DeadLetterReader.Read(record, NoAttributes);

        Assert.True(content.HasEvent);
        Assert.Equal("not json {", Encoding.UTF8.GetString(content.Event.Span));
    }

    [Theory]
    [InlineData("password=hunter2 not json", "not JSON")]
    [InlineData("""["an","array"]""", "not an object")]
    [InlineData("42", "not an object")]
    [InlineData("""{"requestContext":{"condition":"EventAgeExceeded"},"responseContext":{"statusCode":200}}""", "without the event")]
    [InlineData("""{"requestContext":{},"requestPayload":null,"responseContext":{}}""", "without the event")]
    public void A_message_with_no_event_is_unreadable_and_the_problem_never_quotes_it(string body, string expected)
    {
        var content = DeadLetterReader.Read(body, NoAttributes);

        Assert.False(content.HasEvent);
        Assert.Equal(DeadLetterOrigin.Unreadable, content.Origin);
        Assert.Contains(expected, content.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", content.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_digest_sweep_is_no_event_to_notify_in_either_shape()
    {
        const string sweep = """{"version":"0","id":"1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2026-12-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{}}""";

        Assert.Contains("digest-sweep", DeadLetterReader.Read(DeadLetters.FailureRecord(sweep), NoAttributes).Problem, StringComparison.Ordinal);
        Assert.Contains("digest-sweep", DeadLetterReader.Read(sweep, NoAttributes).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_code_that_is_not_a_code_is_not_shown()
    {
        var content = DeadLetterReader.Read(File.ReadAllText(TestEvents.SeedPath), DeadLetters.RuleAttributes("line\nbreak <@here>"));

        Assert.Null(content.FailureCode);
        Assert.Equal("EventBridge rule dead letter", content.Describe());
    }
}
