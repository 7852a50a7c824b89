using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Tests.Events;

public sealed class JsonFieldsBooleanTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"fAlSe\"", false)]
    [InlineData("\"tru\\u0065\"", true)]
    [InlineData("\"\\u0046alse\"", false)]
    [InlineData("\"yes\"", null)]
    [InlineData("\"truex\"", null)]
    [InlineData("\" true\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"trüe\"", null)]
    [InlineData("\"\\ud800\"", null)]
    [InlineData("1", null)]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    public void A_boolean_is_a_JSON_boolean_or_the_word_in_any_case_escaped_or_not(string json, bool? expected)
    {
        using var document = JsonDocument.Parse($$"""{"mfaAuthenticated": {{json}}}""");

        Assert.Equal(expected, JsonFields.Boolean(document.RootElement, "mfaAuthenticated"));
        Assert.Equal(expected, JsonFields.BooleanOf(document.RootElement.GetProperty("mfaAuthenticated")));
    }

    [Fact]
    public void An_absent_value_is_no_boolean()
    {
        Assert.Null(JsonFields.BooleanOf(default));
    }
}
