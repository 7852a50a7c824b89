using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>STATE_TABLE_NAME, DIGEST_WINDOW_SECONDS, RATE_GUARD_PER_MINUTE and the DynamoDB endpoint, read in one place.</summary>
public sealed class FoldingSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_table_name_the_function_is_stateless(string? table)
    {
        var result = Settings(("STATE_TABLE_NAME", table)).Folding();

        Assert.True(result.IsValid);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Defaults_are_a_900_second_window_30_a_minute_and_the_regional_endpoint()
    {
        var folding = Settings(("STATE_TABLE_NAME", "state"), ("AWS_REGION", "ap-northeast-1")).Folding().Value!;

        // No endpoint configured: the SDK client resolves DynamoDB in the region (see StateCallsTests).
        Assert.Equal(("state", TimeSpan.FromSeconds(900), 30), (folding.Table, folding.Window, folding.PerMinute));
        Assert.Equal((null, "ap-northeast-1"), (folding.Endpoint, folding.Region));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("86401")]
    [InlineData("ten")]
    [InlineData("-5")]
    public void A_window_outside_1_to_86400_names_the_variable(string window)
    {
        var result = Settings(("STATE_TABLE_NAME", "state"), ("DIGEST_WINDOW_SECONDS", window)).Folding();

        Assert.Equal($"DIGEST_WINDOW_SECONDS: must be a whole number from 1 to 86400, not '{window}'", result.Error);
    }

    [Fact]
    public void The_DynamoDB_endpoint_variable_wins_and_plain_http_elsewhere_is_refused_in_Lambda()
    {
        var local = Settings(("STATE_TABLE_NAME", "s"), ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1")).Folding().Value!;
        var remote = Settings(("STATE_TABLE_NAME", "s"), ("AWS_ENDPOINT_URL_DYNAMODB", "http://state.example.com")).Folding();

        Assert.Equal(new Uri("http://127.0.0.1:4566"), local.Endpoint);
        Assert.StartsWith("AWS_ENDPOINT_URL_DYNAMODB: plain http to 'state.example.com'", remote.Error, StringComparison.Ordinal);
    }

    private static NotifierSettings Settings(params (string Name, string? Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return new NotifierSettings(name => map.GetValueOrDefault(name), lambdaFace: true);
    }
}
