using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Tests.Lambda;

public sealed class FunctionConfigurationTests
{
    [Fact]
    public void A_full_configuration_is_read_from_the_environment()
    {
        var configuration = Load(new()
        {
            ["TOPIC_ARN"] = "arn:aws:sns:ap-northeast-1:123456789012:alerts",
            ["NOTIFICATION_LANGUAGE"] = "ja",
            ["NOTIFICATION_TIME_ZONE"] = "Asia/Tokyo",
            ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:4566",
        }, out var error);

        Assert.True(configuration is not null, error);
        Assert.False(configuration!.DryRun);
        Assert.Equal("ap-northeast-1", configuration.Topic!.Arn.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), configuration.Topic.Endpoint);
        Assert.Equal(NotificationLanguage.Japanese, configuration.RenderOptions.Language);
        Assert.Equal("Asia/Tokyo", configuration.RenderOptions.TimeZone.Id);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void DRY_RUN_accepts_true_and_false(string value, bool expected)
    {
        var configuration = Load(new() { ["DRY_RUN"] = value, ["TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:t" }, out var error);

        Assert.True(configuration is not null, error);
        Assert.Equal(expected, configuration!.DryRun);
    }

    [Theory]
    [InlineData("TOPIC_ARN", null, "TOPIC_ARN: not set")]
    [InlineData("TOPIC_ARN", "arn:aws:sns:us-east-1:123:t", "TOPIC_ARN")]
    [InlineData("DRY_RUN", "perhaps", "DRY_RUN: must be true or false")]
    [InlineData("NOTIFICATION_LANGUAGE", "klingon", "NOTIFICATION_LANGUAGE: unknown language")]
    [InlineData("NOTIFICATION_TIME_ZONE", "Mars/Olympus_Mons", "NOTIFICATION_TIME_ZONE: unknown time zone")]
    [InlineData("AWS_ENDPOINT_URL_SNS", "not a url", "AWS_ENDPOINT_URL_SNS: not an http or https URL")]
    [InlineData("TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:bad name", "TOPIC_ARN: ")]
    public void A_bad_setting_is_one_line_naming_the_problem(string name, string? value, string expected)
    {
        var variables = new Dictionary<string, string> { ["TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:t" };
        if (value is null)
        {
            variables.Remove(name);
        }
        else
        {
            variables[name] = value;
        }

        Assert.Null(Load(variables, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void The_tamper_watch_list_and_the_functions_own_name_are_read_from_the_environment()
    {
        var configuration = Load(new()
        {
            ["TOPIC_ARN"] = "arn:aws:sns:ap-northeast-1:111111111111:t",
            ["TAMPER_WATCH_RESOURCES"] = "arn:aws:events:ap-northeast-1:111111111111:rule/stack-watch",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "stack-NotifierFunction-A1B2",
        }, out var error);

        Assert.True(configuration is not null, error);
        var watch = configuration!.RenderOptions.TamperWatch;
        Assert.True(watch.Watches(CloudTrailNotifier.Describing.Tampering.TamperTargetKind.Rule, "stack-watch"));
        Assert.True(watch.Watches(CloudTrailNotifier.Describing.Tampering.TamperTargetKind.Function, "stack-NotifierFunction-A1B2"));
        Assert.False(watch.Watches(CloudTrailNotifier.Describing.Tampering.TamperTargetKind.Rule, "other-watch"));
    }

    [Fact]
    public void A_malformed_tamper_watch_list_is_a_configuration_error_naming_the_variable()
    {
        var configuration = Load(new()
        {
            ["TOPIC_ARN"] = "arn:aws:sns:ap-northeast-1:111111111111:t",
            ["TAMPER_WATCH_RESOURCES"] = "stack-watch",
        }, out var error);

        Assert.Null(configuration);
        Assert.StartsWith("TAMPER_WATCH_RESOURCES: 'stack-watch' is not", error, StringComparison.Ordinal);
    }

    private static FunctionConfiguration? Load(Dictionary<string, string> variables, out string? error) =>
        FunctionConfiguration.Load(name => variables.GetValueOrDefault(name), out error);
}
