using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The full walk on the shapes real APIs use: name/value lists (ECS, CloudFormation, CodeBuild, Beanstalk, Service
/// Catalog), secure strings in any case, escaped key names, numbers under secret keys, and keys secret by their words.
/// </summary>
public sealed class JsonRedactorPairAndWordTests
{
    private readonly JsonRedactor _redactor = new(new RedactionMarkers(length => $"[redacted {length}]", "[hidden]"));

    [Theory]
    [InlineData("""{"containerDefinitions": [{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "Hunter2-ecs"}]}]}""", "environment", "name", "DB_PASSWORD", "value")]
    [InlineData("""{"overrides": {"containerOverrides": [{"environment": [{"value": "Hunter2-ecs", "name": "DB_PASSWORD"}]}]}}""", "environment", "name", "DB_PASSWORD", "value")]
    [InlineData("""{"stackName": "db", "parameters": [{"parameterKey": "MasterUserPassword", "parameterValue": "Hunter2-cfn"}]}""", "parameters", "parameterKey", "MasterUserPassword", "parameterValue")]
    [InlineData("""{"Parameters": [{"ParameterKey": "DbPassword", "ParameterValue": "Hunter2-cfn", "ResolvedValue": "Hunter2-res"}]}""", "Parameters", "ParameterKey", "DbPassword", "ParameterValue")]
    [InlineData("""{"environment": {"environmentVariables": [{"name": "GITHUB_TOKEN", "value": "Hunter2-cb", "type": "PLAINTEXT"}]}}""", "environmentVariables", "name", "GITHUB_TOKEN", "value")]
    [InlineData("""{"environmentVariablesOverride": [{"name": "NPM_API_KEY", "value": "Hunter2-cb", "type": "PLAINTEXT"}]}""", "environmentVariablesOverride", "name", "NPM_API_KEY", "value")]
    [InlineData("""{"optionSettings": [{"namespace": "aws:elasticbeanstalk:application:environment", "optionName": "DB_PWD", "value": "Hunter2-eb"}]}""", "optionSettings", "optionName", "DB_PWD", "value")]
    [InlineData("""{"provisioningParameters": [{"key": "AdminPassword", "value": "Hunter2-sc"}]}""", "provisioningParameters", "key", "AdminPassword", "value")]
    [InlineData("""{"containerProperties": {"environment": [{"name": "client-secret", "value": "Hunter2-batch"}]}}""", "environment", "name", "client-secret", "value")]
    [InlineData("""{"e": [{"name": "DB_PASSWORD", "value": 83927461}]}""", "e", "name", "DB_PASSWORD", "value")]
    public void A_value_whose_sibling_names_a_secret_is_redacted_and_the_name_stays(string json, string list, string nameKey, string name, string valueKey)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("83927461", redacted, StringComparison.Ordinal);
        var entry = FindObject(JsonDocument.Parse(redacted).RootElement, list, nameKey);
        Assert.Equal(name, entry.GetProperty(nameKey).GetString());
        Assert.StartsWith("[redacted ", entry.GetProperty(valueKey).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"environment": [{"name": "LOG_LEVEL", "value": "debug"}, {"name": "DB_PASSWORD_SECRET_ARN", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"}]}""")]
    [InlineData("""{"tags": [{"key": "Name", "value": "db-primary"}, {"Key": "SecretName", "Value": "prod/db"}]}""")]
    [InlineData("""{"secrets": [], "environment": [{"name": "PASSWORD_ROTATION_ENABLED", "value": "true"}]}""")]
    [InlineData("""{"parameters": [{"parameterKey": "PasswordLength", "parameterValue": "32"}, {"parameterKey": "KeyName", "parameterValue": "ops"}]}""")]
    [InlineData("""{"filters": [{"name": "tag:password", "values": ["x"]}]}""")]
    [InlineData("""{"p": {"type": "String", "value": "plain-setting"}, "q": {"Type": "StringList", "Value": "a,b"}}""")]
    [InlineData("""{"Session": {"Id": "s-1", "Status": "READY", "Role": "arn:aws:iam::111122223333:role/glue"}}""")]
    [InlineData("""{"definition": {"StartAt": "SinglePass", "States": {"SinglePass": {"Type": "Pass", "End": true}}}}""")]
    [InlineData("""{"roleSessionName": "ci", "sessionName": "s1", "sessionDuration": 3600, "sessionIssuer": {"type": "Role"}, "passRole": "x", "keyName": "k", "keyId": "1234abcd", "publicKey": "ssh-rsa AAAAB3Nza", "apiKeyRequired": true, "apiKeySource": "HEADER", "preSharedKeyStorage": "Standard"}""")]
    [InlineData("""{"passwordPolicy": {"minimumPasswordLength": 14, "maxPasswordAge": 90, "passwordReusePrevention": 5, "requireSymbols": true}, "PasswordResetRequired": true, "passwordLastUsed": "2024-01-01T00:00:00Z"}""")]
    [InlineData("""{"manageMasterUserPassword": true, "masterUserPassword": null, "dbPass": false, "Session": "yes"}""")]
    public void Non_secrets_in_the_same_shapes_are_left_as_they_are(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.False(_redactor.FullWalkChanges(document.RootElement), json);
        Assert.Null(_redactor.Redact(document.RootElement));
    }

    [Theory]
    [InlineData("""{"p": {"name": "/prod/db", "TYPE": "SecureString", "value": "Hunter2-ssm"}}""")]
    [InlineData("""{"p": {"name": "/prod/db", "tYpE": "securestring", "Value": "Hunter2-ssm"}}""")]
    [InlineData("""{"p": {"name": "/prod/db", "t\u0079pe": "SecureString", "value": "Hunter2-ssm"}}""")]
    [InlineData("""{"p": {"name": "/prod/db", "type": "Secure\u0053tring", "valu\u0065": "Hunter2-ssm"}}""")]
    [InlineData("""{"p": {"type": "SecureString", "value": 83927461}}""")]
    [InlineData("""{"p": {"type": "SecureString", "value": {"inner": "Hunter2-ssm"}}}""")]
    public void A_secure_string_is_found_whatever_the_case_or_escapes_of_its_type(string json)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("83927461", redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted ", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"secretId": "x", "pass\u0077ord": "Hunter2-escaped"}""")]
    [InlineData("""{"\u0070\u0061\u0073\u0073\u0077\u006f\u0072\u0064": "Hunter2-escaped"}""")]
    [InlineData("""{"Secret\u0041ccessKey": "Hunter2-escaped"}""")]
    [InlineData("""{"a\u0070iKey": "Hunter2-escaped"}""")]
    [InlineData("""{"policy": "{\"Statement\":[],\"db_pass\\u0077ord\":\"Hunter2-embedded\"}"}""")]
    [InlineData("""{"policy": "{\"env\":[{\"n\\u0061me\":\"DB_PASSWORD\",\"value\":\"Hunter2-embedded\"}]}"}""")]
    public void An_escaped_key_name_is_judged_as_its_decoded_name_also_inside_json_in_a_string(string json)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted ", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"configuration": {"ProjectName": "web", "EnvironmentVariables": "[{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2-pipeline\",\"type\":\"PLAINTEXT\"}]"}}""")]
    [InlineData("""{"configuration": {"EnvironmentVariables": " [ {\"name\":\"STAGE\",\"value\":\"prod\"}, {\"name\":\"API_KEY\",\"value\":\"Hunter2-pipeline\"} ] "}}""")]
    public void A_name_value_list_held_in_a_string_is_redacted_as_json(string json)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted 16]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"note": "[INFO] started password rotation", "list": "[{\"name\":\"STAGE\",\"value\":\"prod\"}]", "empty": "[]", "ids": "[\"a\", \"b\"]"}""")]
    [InlineData("""{"broken": "[{\"name\":\"DB_PASSWORD\",\"value\":"}""")]
    public void A_string_that_only_looks_like_a_json_array_is_left_to_the_text_rules(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);

        Assert.False(_redactor.FullWalkChanges(document.RootElement), json);
    }

    [Theory]
    [InlineData("""{"masterUserPassword": 83927461}""", "[redacted 8]")]
    [InlineData("""{"masterUserPassword": -83927461.5e3}""", "[redacted 13]")]
    [InlineData("""{"apiKey": 83927461}""", "[redacted 8]")]
    [InlineData("""{"Session": 83927461}""", "[redacted 8]")]
    [InlineData("""{"dbPass": 83927461}""", "[redacted 8]")]
    [InlineData("""{"credentials": {"pin": 83927461}}""", "[redacted 8]")]
    public void A_number_under_a_secret_key_is_redacted_like_a_string(string json, string marker)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("83927461", redacted, StringComparison.Ordinal);
        Assert.Contains(marker, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"options": {"tunnelOptions": [{"outsideIpAddress": "203.0.113.1", "preSharedKey": "Hunter2-psk"}]}}""", "outsideIpAddress")]
    [InlineData("""{"apiKey": "Hunter2-api", "apiKeySource": "HEADER"}""", "apiKeySource")]
    [InlineData("""{"keyId": "1234abcd", "plaintext": "SGVsbG8tcGxhaW50ZXh0"}""", "keyId")]
    [InlineData("""{"dbPass": "Hunter2-pass", "passRole": "arn:aws:iam::111122223333:role/x"}""", "passRole")]
    [InlineData("""{"pwd": "Hunter2-pwd", "sessionName": "s1"}""", "sessionName")]
    [InlineData("""{"signingKey": "Hunter2-sk", "signingKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/1"}""", "signingKeyArn")]
    [InlineData("""{"ChallengeName": "SMS_MFA", "Session": "AYABeHunter2session"}""", "ChallengeName")]
    [InlineData("""{"x-api-key": "Hunter2-api", "roleSessionName": "ci"}""", "roleSessionName")]
    public void A_key_secret_by_its_words_is_redacted_and_its_neighbour_stays(string json, string visibleKey)
    {
        var redacted = Redacted(json);

        Assert.DoesNotContain("Hunter2", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("SGVsbG8", redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted ", redacted, StringComparison.Ordinal);
        Assert.Equal(
            FindValue(JsonDocument.Parse(json).RootElement, visibleKey).GetRawText(),
            FindValue(JsonDocument.Parse(redacted).RootElement, visibleKey).GetRawText());
    }

    private string Redacted(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);
        Assert.False(_redactor.FirstLookClears(document.RootElement), "the first look cleared: " + json);
        var bytes = _redactor.Redact(document.RootElement);
        Assert.NotNull(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The first object, at any depth, inside the array or object under <paramref name="list"/> that has <paramref name="member"/>.</summary>
    private static JsonElement FindObject(JsonElement root, string list, string member) =>
        Descendants(root).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(list, out _))
            .SelectMany(e => Descendants(e.GetProperty(list)))
            .First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(member, out _));

    private static JsonElement FindValue(JsonElement root, string key) =>
        Descendants(root).First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out _)).GetProperty(key);

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var inner in Descendants(child))
            {
                yield return inner;
            }
        }
    }
}
