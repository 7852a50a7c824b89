using System.Text.Json;
using CloudTrailNotifier.Lambda;

namespace CloudTrailNotifier.Tests.Lambda;

public sealed class FunctionErrorTests
{
    [Fact]
    public void The_error_body_has_errorMessage_and_errorType()
    {
        var json = JsonDocument.Parse(new FunctionError("Sns.Throttling", "Rate exceeded").ToJson()).RootElement;

        Assert.Equal("Rate exceeded", json.GetProperty("errorMessage").GetString());
        Assert.Equal("Sns.Throttling", json.GetProperty("errorType").GetString());
        Assert.Equal(2, json.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("Sns.Bad Code\r\nInjected: yes", "Sns.BadCodeInjectedyes")]
    [InlineData("", "Runtime.Unknown")]
    [InlineData("日本", "Runtime.Unknown")]
    public void The_error_type_is_safe_to_send_as_an_HTTP_header(string type, string expected)
    {
        Assert.Equal(expected, new FunctionError(type, "m").ErrorType);
    }

    [Fact]
    public void The_message_is_one_line()
    {
        Assert.Equal("first second", new FunctionError("Runtime.X", "first\nsecond").ErrorMessage);
    }
}
