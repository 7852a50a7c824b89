using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// AWS validation errors echo a refused value before its member (security review 22, L5): the value is hidden when the
/// member path's last name is a secret key (<see cref="TextEchoes"/>); other members' values stay; the first look never clears it.
/// </summary>
public sealed class TextEchoesTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("Value 'h2' at 'password' failed to satisfy constraint", "Value '[redacted: 2]' at 'password' failed to satisfy constraint")]
    [InlineData("Value 'a b c' at 'userPool.clientSecret' failed", "Value '[redacted: 5]' at 'userPool.clientSecret' failed")]
    [InlineData("Value 'it's' at 'users[0].password' failed", "Value '[redacted: 4]' at 'users[0].password' failed")]
    [InlineData("Value 'x' at 'secrets.1.member' failed", "Value '[redacted: 1]' at 'secrets.1.member' failed")]
    [InlineData("Value 'a' at 'b' at 'password' failed", "Value '[redacted: 8]' at 'password' failed")]
    [InlineData("1: Value 'k1' at 'apiKey' failed; 2: Value 'x' at 'name' failed; 3: Value 'p2' at 'dbPass' failed",
        "1: Value '[redacted: 2]' at 'apiKey' failed; 2: Value 'x' at 'name' failed; 3: Value '[redacted: 2]' at 'dbPass' failed")]
    [InlineData("値 Value 'p' at 'preSharedKey' failed", "値 Value '[redacted: 1]' at 'preSharedKey' failed")]
    public void A_value_echoed_before_a_secret_member_is_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Value 'db.t3.micro' at 'dbInstanceClass' failed to satisfy constraint")]
    [InlineData("Value 'prod/db' at 'secretId' failed to satisfy constraint")]
    [InlineData("Value null at 'password' failed to satisfy constraint: Member must not be null")]
    [InlineData("Value '' at 'password' failed")]
    public void An_echoed_value_of_another_member_stays(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("""{"errorMessage": "Value 'Hunter2' at 'preSharedKey' failed to satisfy constraint"}""")]
    public void The_first_look_never_clears_an_echoed_secret(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.True(_redactor.FullWalkChanges(document.RootElement), json);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }
}
