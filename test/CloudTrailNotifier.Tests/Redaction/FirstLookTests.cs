using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The redactor's first look (one forward read) may clear an event only when the full walk changes nothing in it:
/// otherwise a secret would be shown. Checked on the corpus, the sample events, planted secrets and crafted shapes.
/// </summary>
public sealed class FirstLookTests
{
    private readonly JsonRedactor _redactor = new(new RedactionMarkers(length => $"[redacted {length}]", "[hidden]"));

    [Fact]
    public void Every_secret_fragment_holds_a_trigger_word_the_first_look_searches_for()
    {
        // The first look clears a key of letters and digits when the whole-event search finds no trigger word in it.
        foreach (var fragment in RedactionRules.SecretFragments)
        {
            Assert.True(TextRedactor.MayContainSecret(fragment), fragment);
            Assert.True(TextRedactor.MayContainSecret(fragment.ToUpperInvariant()), fragment);
        }
    }

    [Fact]
    public void On_the_corpus_the_first_look_never_clears_an_event_the_full_walk_changes_and_clears_most()
    {
        var cleared = 0;
        var events = Corpus.All.Select(e => (e.Name, Bytes: Encoding.UTF8.GetBytes(e.Json)))
            .Concat(Corpus.SampleEventFiles().Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))))
            .ToList();
        foreach (var (name, bytes) in events)
        {
            using var document = JsonDocument.Parse(bytes);
            if (_redactor.FirstLookClears(document.RootElement))
            {
                cleared++;
                Assert.False(_redactor.FullWalkChanges(document.RootElement), name);
            }
        }

        Assert.True(cleared > events.Count / 2, $"the first look cleared only {cleared} of {events.Count} events");
    }

    [Property(Arbitrary = [typeof(SecretPlants)], MaxTest = 300)]
    public void A_planted_secret_is_never_cleared(SecretPlant plant)
    {
        using var document = JsonDocument.Parse(plant.Apply());
        if (_redactor.FullWalkChanges(document.RootElement))
        {
            Assert.False(_redactor.FirstLookClears(document.RootElement), plant.ToString());
        }
    }

    [Theory]
    [InlineData("""{"password": "hunter2-hunter2"}""")]
    [InlineData("""{"se_cret": "hunter2-hunter2"}""")]
    [InlineData("""{"client-Se.cret": "hunter2-hunter2"}""")]
    [InlineData("""{"a": {"SECRETSTRING": "x1"}}""")]
    [InlineData("""{"a": [{"Name": "/db/pw", "type": "SecureString", "value": "hunter2"}]}""")]
    [InlineData("""{"a": [{"value": "hunter2", "Type": "securestring"}]}""")]
    [InlineData("""{"a": [{"value": "hunter2", "type": "Secure\u0053tring"}]}""")]
    [InlineData("""{"note": "HIDDEN_DUE_TO_SECURITY_REASONS"}""")]
    [InlineData("""{"note": "login with password=hunter2-hunter2 please"}""")]
    [InlineData("""{"note": "pass\u0077ord=hunter2-hunter2"}""")]
    [InlineData("""{"note": "ünïcode password=hunter2-hunter2"}""")]
    [InlineData("""{"policy": "{\"Statement\": [], \"secretKey\": \"abc123abc123\"}"}""")]
    [InlineData("""{"policy": " \n {\r\n\t\"password\": \"abc123abc123\"}\n "}""")]
    [InlineData("""{"policy": "{\"password\": \"abc123abc123\", \"cut\": "}""")]
    [InlineData("""{"policy": "{arn-aws} \"password\": \"abc123abc123\" }"}""")]
    [InlineData("""{"policy": "%7B%22password%22%3A%22abc123abc123%22%7D"}""")]
    [InlineData("""{"policy": "%7B%22pass%77ord%22%3A%22abc123abc123%22%7D"}""")]
    [InlineData("""{"t": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ"}""")]
    [InlineData("""{"k": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"}""")]
    [InlineData("""{/* "secret": */ "a": {"token": "abcdefabcdef"}}""")]
    [InlineData("{\"se_cret\"\r\n :\t\"hunter2-hunter2\"}")]
    [InlineData("""{"n": [1, -2.5e3, true, null], "x": "a", "tok_en"  : {"v": "abcdefabcdef"}}""")]
    [InlineData("""{"Pass-Word" :"hunter2-hunter2", "type": "String"}""")]
    [InlineData("""{"a": [{"type"  :  "SecureString", "value": "hunter2"}]}""")]
    [InlineData("""{"note": "session token IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ"}""")]
    [InlineData("""{"note": "the secret -----BEGIN PRIVATE KEY----- MIIEowIBAAKCAQEA -----END PRIVATE KEY-----"}""")]
    [InlineData("""{"eventSource": "secretsmanager.amazonaws.com", "note": "Authorization: Bearer abcdefabcdef"}""")]
    [InlineData("""{"environment": [{"name": "DB_PASSWORD", "value": "Hunter2-ecs"}]}""")]
    [InlineData("""{"environment": [{"value": "Hunter2-ecs", "name": "DB_PASSWORD"}]}""")]
    [InlineData("""{"parameters": [{"parameterKey": "MasterUserPassword", "parameterValue": "Hunter2-cfn"}]}""")]
    [InlineData("""{"environmentVariables": [{"name": "API_KEY", "value": "Hunter2-cb", "type": "PLAINTEXT"}]}""")]
    [InlineData("""{"optionSettings": [{"namespace": "aws:elasticbeanstalk:application:environment", "optionName": "DB_PWD", "value": "h2"}]}""")]
    [InlineData("""{"e": [{"Name": "Session", "Value": "h2"}]}""")]
    [InlineData("""{"e": [{"na\u006de": "DB_PASSWORD", "value": "h2"}]}""")]
    [InlineData("""{"e": [{"name": "DB_PASS\u0057ORD", "value": "h2"}]}""")]
    [InlineData("""{"e": [{"name": "apiKey", "value": 12345678}]}""")]
    [InlineData("""{"a": {"TYPE": "SecureString", "Value": "hunter2"}}""")]
    [InlineData("""{"a": {"t\u0079pe": "SecureString", "value": "hunter2"}}""")]
    [InlineData("""{"a": {"type": "SecureString", "parameterValue": "hunter2"}}""")]
    [InlineData("""{"pass\u0077ord": "Hunter2-escaped"}""")]
    [InlineData("""{"\u0070assword": "Hunter2-escaped"}""")]
    [InlineData("""{"policy": "{\"Statement\":[],\"db_pass\\u0077ord\":\"Hunter2-embedded\"}"}""")]
    [InlineData("""{"masterUserPassword": 83927461}""")]
    [InlineData("""{"masterUserPassword": -1.5e3}""")]
    [InlineData("""{"apiKey": "Hunter2-api"}""")]
    [InlineData("""{"options": {"tunnelOptions": [{"preSharedKey": "Hunter2-psk"}]}}""")]
    [InlineData("""{"plaintext": "SGVsbG8tcGxhaW50ZXh0"}""")]
    [InlineData("""{"dbPass": "Hunter2-pass"}""")]
    [InlineData("""{"pwd": "Hunter2-pwd"}""")]
    [InlineData("""{"userPw2": "Hunter2-pw"}""")]
    [InlineData("""{"signingKey": "Hunter2-sk"}""")]
    [InlineData("""{"Session": "AYABeHunter2session"}""")]
    [InlineData("""{"session": 12345678}""")]
    [InlineData("""{"x-api-key": "Hunter2-api"}""")]
    [InlineData("""{"EnvironmentVariables": "[{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2-pipeline\"}]"}""")]
    [InlineData("""{"EnvironmentVariables": "[{\"name\":\"NPM_API_KEY\",\"value\":\"Hunter2-pipeline\"}]"}""")]
    [InlineData("""{"note": "token Bearer abcd"}""")]                        // no ':' or '=': found by its B
    [InlineData("""{"note": "token bEaReR abcd"}""")]
    [InlineData("""{"note": "b1bbe2b be bearer x9"}""")]
    [InlineData("""{"note": "sent bearer Zt7Qp2"}""")]
    [InlineData("""{"note": "x -----BEGIN PRIVATE KEY----- MIIEowIBAAKCAQEA"}""")]
    [InlineData("""{"note": "AgoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3Q"}""")]    // by its J
    [InlineData("""{"note": "FwoGZXIvYXdzEBYaDExampleSessionTokenValue0123"}""")] // by its G
    [InlineData("""{"note": "AQoDYXdzEJr//////////wEaoAK1wvxJY12r2IrDFT2"}""")]   // by its Q
    [InlineData("""{"note": "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9"}""")]
    [InlineData("""{"note": " %7b%22pin%22%3a%2212345678%22%7d"}""")]
    [InlineData("""{"pin": "48213"}""")]
    [InlineData("""{"authenticationCode1": "602817"}""")]
    [InlineData("""{"e": [{"name": "USER_PIN", "value": "48213"}]}""")]
    public void A_crafted_secret_is_never_cleared(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);
        Assert.True(_redactor.FullWalkChanges(document.RootElement), "the full walk should change: " + json);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }

    [Theory]
    [InlineData("{\"apiKey\": \"Hunter2-deep\"}")]
    [InlineData("{\"name\": \"X_PWD\", \"value\": \"Hunter2-deep\"}")]
    [InlineData("{\"Type\": \"SecureString\", \"Value\": \"Hunter2-deep\"}")]
    public void A_container_too_deep_to_walk_is_hidden_when_it_may_hold_a_key_secret_by_its_words(string inner)
    {
        var json = new string('[', 70) + inner + new string(']', 70);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });

        Assert.True(_redactor.FullWalkChanges(document.RootElement));
        Assert.False(_redactor.FirstLookClears(document.RootElement));
        Assert.DoesNotContain("Hunter2", Encoding.UTF8.GetString(_redactor.Redact(document.RootElement)!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_deeper_than_the_walk_goes_is_never_cleared()
    {
        var json = new string('[', 70) + "\"password=hunter2-hunter2\"" + new string(']', 70);
        using var document = JsonDocument.Parse(json, InputReader.Options);
        Assert.True(_redactor.FullWalkChanges(document.RootElement));
        Assert.False(_redactor.FirstLookClears(document.RootElement));
    }

    [Theory]
    [InlineData("""{"eventSource": "secretsmanager.amazonaws.com", "eventName": "GetSecretValue", "requestParameters": {"secretId": "prod/db"}}""")]
    [InlineData("""{"userIdentity": {"sessionContext": {"attributes": {"mfaAuthenticated": "false"}}}, "accessKeyId": "ASIAEXAMPLE"}""")]
    [InlineData("""{"userAgent": "Mozilla ünïcode", "principalId": "AIDAEXAMPLE", "tokenType": "Bearer"}""")]
    [InlineData("""{"n": 3, "b": true, "z": null, "s": "", "nested": [[{"a": "b"}]]}""")]
    [InlineData("""{"arn": "{arn-aws}iam::111122223333:user/username", "p": "{}", "q": " { \"a\": [\"b\"] } "}""")]
    [InlineData("""{"eventName": "GetSessionToken", "note": "a secret, a token, a password policy", "b": "True"}""")]
    [InlineData("""{"roleSessionName": "ci", "sessionName": "s1", "sessionDuration": 3600, "sessionIssuer": {"type": "Role"}, "keyName": "k", "keyId": "1234abcd", "publicKey": "ssh-rsa AAAAB3Nza", "apiKeyRequired": true, "apiKeySource": "HEADER", "preSharedKeyStorage": "Standard"}""")]
    [InlineData("""{"environment": [{"name": "LOG_LEVEL", "value": "debug"}, {"name": "DB_PASSWORD_SECRET_ARN", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"}]}""")]
    [InlineData("""{"a": {"type": "String", "value": "plain-setting"}, "tags": [{"key": "team", "value": "db"}]}""")]
    public void An_event_with_nothing_to_redact_is_cleared(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(_redactor.FullWalkChanges(document.RootElement));
        Assert.True(_redactor.FirstLookClears(document.RootElement), json);
    }
}
