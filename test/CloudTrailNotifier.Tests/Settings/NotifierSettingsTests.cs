using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Tests.Settings;

public sealed class NotifierSettingsTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:t";

    [Theory]
    [InlineData("us-east-1", "https://sns.us-east-1.amazonaws.com/")]
    [InlineData("ap-northeast-1", "https://sns.ap-northeast-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://sns.cn-north-1.amazonaws.com.cn/")]
    public void Without_overrides_the_endpoint_is_sns_in_the_topic_region(string region, string expected)
    {
        Assert.Equal(new Uri(expected), Endpoint(new() { ["TOPIC_ARN"] = $"arn:aws:sns:{region}:123456789012:t" }));
    }

    [Fact]
    public void AWS_ENDPOINT_URL_SNS_wins_over_AWS_ENDPOINT_URL()
    {
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), Endpoint(new()
        {
            ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999",
        }));
    }

    [Fact]
    public void AWS_ENDPOINT_URL_applies_when_there_is_no_sns_override()
    {
        Assert.Equal(new Uri("http://localhost:4566/"), Endpoint(new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566/" }));
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_turns_both_overrides_off()
    {
        Assert.Equal(new Uri("https://sns.us-east-1.amazonaws.com/"), Endpoint(new()
        {
            ["AWS_ENDPOINT_URL_SNS"] = "http://example.com",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
            ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
        }));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public void An_override_that_is_not_an_http_url_names_the_variable(string value)
    {
        Assert.Equal($"AWS_ENDPOINT_URL_SNS: not an http or https URL: '{value}'", Error(new() { ["AWS_ENDPOINT_URL_SNS"] = value }));
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SNS", "http://sns.example.com/")]
    [InlineData("AWS_ENDPOINT_URL", "http://10.0.0.8:4566")]
    [InlineData("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1.nip.io:4566")]
    [InlineData("AWS_ENDPOINT_URL_SNS", "http://localhost.example.com")]
    [InlineData("AWS_ENDPOINT_URL_SNS", "http://[::ffff:10.0.0.1]/")]
    public void In_Lambda_plain_http_to_anything_but_loopback_is_refused(string variable, string value)
    {
        var error = Error(new() { [variable] = value, ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001" });

        Assert.StartsWith($"{variable}: plain http to '", error, StringComparison.Ordinal);
        Assert.Contains("in Lambda use https", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566")]
    [InlineData("http://127.8.9.10:4566")]
    [InlineData("http://localhost:4566")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://[::1]:4566/")]
    [InlineData("https://sns.example.com/")]
    public void In_Lambda_https_anywhere_and_http_to_loopback_are_allowed(string value)
    {
        Assert.Equal(new Uri(value), Endpoint(new() { ["AWS_ENDPOINT_URL_SNS"] = value, ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001" }));
    }

    [Fact]
    public void Outside_Lambda_plain_http_elsewhere_stays_allowed_for_the_command_line()
    {
        Assert.Equal(new Uri("http://10.0.0.8:4566/"), Endpoint(new() { ["AWS_ENDPOINT_URL_SNS"] = "http://10.0.0.8:4566" }));
    }

    [Fact]
    public void A_flag_wins_over_its_variable_and_an_error_names_the_one_that_was_used()
    {
        var variables = new Dictionary<string, string> { ["NOTIFICATION_LANGUAGE"] = "ja", ["NOTIFICATION_TIME_ZONE"] = "Mars/Base" };

        var fromVariable = new NotifierSettings(name => variables.GetValueOrDefault(name)).RenderOptions();
        var fromFlags = new NotifierSettings(name => variables.GetValueOrDefault(name), new SettingOverrides("en", "Asia/Tokyo")).RenderOptions();
        var badFlag = new NotifierSettings(name => null, new SettingOverrides(Language: "fr")).RenderOptions();

        Assert.Equal("NOTIFICATION_TIME_ZONE: unknown time zone 'Mars/Base'; use an IANA name such as Asia/Tokyo", fromVariable.Error);
        Assert.True(fromFlags.IsValid, fromFlags.Error);
        Assert.Equal((NotificationLanguage.English, "Asia/Tokyo"), (fromFlags.Value.Language, fromFlags.Value.TimeZone.Id));
        Assert.Equal("--language: unknown language 'fr'; use en or ja", badFlag.Error);
    }

    [Fact]
    public void A_bad_topic_from_the_flag_names_the_flag()
    {
        var topic = new NotifierSettings(name => null, new SettingOverrides(TopicArn: "arn:aws:sqs:us-east-1:123456789012:q")).Topic();

        Assert.StartsWith("--topic-arn: 'arn:aws:sqs:us-east-1:123456789012:q' is not an SNS topic ARN", topic.Error, StringComparison.Ordinal);
    }

    private static Uri Endpoint(Dictionary<string, string> variables)
    {
        variables.TryAdd("TOPIC_ARN", Topic);
        var topic = new NotifierSettings(name => variables.GetValueOrDefault(name)).Topic();
        Assert.True(topic.IsValid, topic.Error);
        return topic.Value!.Endpoint;
    }

    private static string? Error(Dictionary<string, string> variables)
    {
        variables.TryAdd("TOPIC_ARN", Topic);
        var topic = new NotifierSettings(name => variables.GetValueOrDefault(name)).Topic();
        Assert.False(topic.IsValid);
        return topic.Error;
    }
}
