using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Command-line secrets (security review 22, L2): the value after a secret flag, in one string or as an argument array's
/// next element, and mysql's <c>-pVALUE</c> (<see cref="TextArguments"/>, the walk's argument rule); ordinary arguments
/// stay; the first look never clears it.
/// </summary>
public sealed class TextArgumentsTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("mysql -uroot -ph2 db", "mysql -uroot -p[redacted: 2] db")]
    [InlineData("mysqldump -p'h 2' db", "mysqldump -p'[redacted: 3]' db")]
    [InlineData("app --password h2 --host db", "app --password [redacted: 2] --host db")]
    [InlineData("app --token \"h 2\" -v", "app --token \"[redacted: 3]\" -v")]
    [InlineData("app -password h2 -v", "app -password [redacted: 2] -v")]
    [InlineData("[\"app\", \"--password\", \"h2\", \"--v\"]", "[\"app\", \"--password\", \"[redacted: 2]\", \"--v\"]")]
    [InlineData("{\\\"c\\\":[\\\"--secret\\\",\\\"h2\\\"]}", "{\\\"c\\\":[\\\"--secret\\\",\\\"[redacted: 2]\\\"]}")]
    [InlineData("run\\n--api-key h2", "run\\n--api-key [redacted: 2]")]
    public void A_secret_flags_value_is_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("psql --password --host db -p 5432 mydb")]
    [InlineData("docker run -p8080:80 --name token-proxy nginx")]
    [InlineData("mkdir -p /tmp/mysql && ssh -p 22 host")]
    [InlineData("aws secretsmanager get-secret-value --secret-id prod/db")]
    [InlineData("docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com")]
    [InlineData("mysql -p -h db --port 3306")]
    [InlineData("aurora-mysql --pattern x")]
    public void Ordinary_arguments_stay(string text) => Assert.Equal(text, Redact(text));

    [Theory]
    [InlineData("""{"command":["mysql","-uroot","-pHunter2-x","--password","Hunter2-y","-e","x"]}""", """{"command":["mysql","-uroot","-p[redacted: 9]","--password","[redacted: 9]","-e","x"]}""")]
    [InlineData("""{"args":["--token","Hunter2-y","--secret-id","prod/db"]}""", """{"args":["--token","[redacted: 9]","--secret-id","prod/db"]}""")]
    [InlineData("""{"args":["--pass\u0077ord","Hunter2-y"]}""", """{"args":["--pass\u0077ord","[redacted: 9]"]}""")]
    public void In_an_argument_array_the_element_after_a_secret_flag_is_hidden(string json, string expected)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(_redactor.Redact(document.RootElement)!));
    }

    [Theory]
    [InlineData("""{"command":["psql","--password","--host","db","-p","5432"],"ports":["-p8080:80"]}""")]
    [InlineData("""{"args":["--secret-id","prod/db","-pattern","x"]}""")]
    [InlineData("""{"engines":["aurora-mysql","mysql"],"flags":["-v","--verbose"]}""")]
    public void An_argument_array_without_a_secret_is_unchanged(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.False(_redactor.FullWalkChanges(document.RootElement), json);
    }

    [Theory]
    [InlineData("""{"commands": ["mysql -uroot -pHunter2"]}""")]
    [InlineData("""{"commands": ["app --token Hunter2"]}""")]
    public void The_first_look_never_clears_a_secret_flags_value(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.True(_redactor.FullWalkChanges(document.RootElement), json);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }
}
