using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// SQL passwords (security review 22, L1): the literal after PASSWORD, IDENTIFIED BY and SET PASSWORD FOR is hidden and the
/// statement kept (<see cref="TextSql"/>); statements without a literal and prose stay; the first look never clears it.
/// </summary>
public sealed class TextSqlTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("CREATE USER bob PASSWORD 'h2';", "CREATE USER bob PASSWORD '[redacted: 2]';")]
    [InlineData("alter role app with encrypted password 'h''2' valid until 'x'", "alter role app with encrypted password '[redacted: 4]' valid until 'x'")]
    [InlineData("ALTER USER x IDENTIFIED BY 'h2'", "ALTER USER x IDENTIFIED BY '[redacted: 2]'")]
    [InlineData("CREATE USER 'u'@'%' IDENTIFIED BY \"h2\"", "CREATE USER 'u'@'%' IDENTIFIED BY \"[redacted: 2]\"")]
    [InlineData("CREATE USER u IDENTIFIED WITH caching_sha2_password BY 'h2'", "CREATE USER u IDENTIFIED WITH caching_sha2_password BY '[redacted: 2]'")]
    [InlineData("create user scott identified by tiger;", "create user scott identified by [redacted: 5];")]
    [InlineData("SET PASSWORD FOR 'u'@'h' = 'h2'", "SET PASSWORD FOR 'u'@'h' = '[redacted: 2]'")]
    [InlineData("SET PASSWORD = PASSWORD('h2')", "SET PASSWORD = PASSWORD('[redacted: 2]')")]
    [InlineData("ALTER LOGIN w WITH PASSWORD = N'h 2'", "ALTER LOGIN w WITH PASSWORD = N'[redacted: 3]'")]
    [InlineData("ALTER USER u PASSWORD $tag$h'2$tag$", "ALTER USER u PASSWORD $tag$[redacted: 3]$tag$")]
    [InlineData("{\"sql\":\"create user u password \\\"h2\\\"\"}", "{\"sql\":\"create user u password \\\"[redacted: 2]\\\"\"}")]
    public void A_sql_password_literal_is_hidden_and_the_statement_kept(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("ALTER USER u WITH PASSWORD NULL")]
    [InlineData("CREATE USER u PASSWORD DISABLE")]
    [InlineData("CREATE USER u IDENTIFIED BY RANDOM PASSWORD")]
    [InlineData("User: arn:aws:iam::111111111111:user/bob is not authorized on the key identified by alias/prod")]
    [InlineData("Password must hold 8 characters; the user was identified by its name")]
    public void Sql_without_a_password_literal_and_prose_stay(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("""{"queryString": "ALTER USER x IDENTIFIED BY 'Hunter2'"}""")]
    [InlineData("""{"queryString": "CREATE USER x PASSWORD 'Hunter2'"}""")]
    public void The_first_look_never_clears_a_sql_password(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.True(_redactor.FullWalkChanges(document.RootElement), json);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }
}
