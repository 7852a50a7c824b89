using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The security review's inputs (findings 1, 5, 6 and 8: name/value lists, escaped key names, numbers under secret keys,
/// unlisted secret keys) rendered end to end: no piece of any secret in the subject, the email body, the publish request
/// (<c>--output json</c>), the chat card or an attribute, in English or Japanese; the non-secrets beside them still shown.
/// </summary>
public sealed class ReviewFindingsRedactionTests
{
    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    /// <summary>Pieces of the planted secrets: none may show, whole or in part.</summary>
    private static readonly string[] SecretPieces = ["Hunter2", "83927461", "8392746", "3927461", "SGVsbG8", "cGxhaW50ZXh0"];

    public static TheoryData<string, string, string, string[]> Findings() => new()
    {
        {
            "ecs.amazonaws.com", "RegisterTaskDefinition", // finding 1 (kv-pair-secrets.json)
            """{"family":"api","containerDefinitions":[{"name":"app","environment":[{"name":"DB_PASSWORD","value":"Hunter2-ecs"}]}]}""",
            ["name: DB_PASSWORD", "value: [redacted: 11 characters]", "family: api"]
        },
        {
            "cloudformation.amazonaws.com", "CreateStack", // finding 1 (kv-pair-secrets-cfn.json)
            """{"stackName":"db","parameters":[{"parameterKey":"MasterUserPassword","parameterValue":"Hunter2-cfn"},{"parameterKey":"InstanceClass","parameterValue":"db.t3.micro"}]}""",
            ["parameterKey: MasterUserPassword", "parameterValue: [redacted: 11 characters]", "parameterValue: db.t3.micro"]
        },
        {
            "codebuild.amazonaws.com", "StartBuild", // finding 1, CodeBuild's override list
            """{"projectName":"web","environmentVariablesOverride":[{"name":"NPM_API_KEY","value":"Hunter2-codebuild","type":"PLAINTEXT"},{"name":"STAGE","value":"prod","type":"PLAINTEXT"}]}""",
            ["name: NPM_API_KEY", "value: [redacted: 17 characters]", "value: prod", "type: PLAINTEXT"]
        },
        {
            "secretsmanager.amazonaws.com", "GetSecretValue", // finding 5 (escaped-key-name.json)
            """{"secretId":"x","pass\u0077ord":"Hunter2-escaped","policy":"{\"Statement\":[],\"db_pass\\u0077ord\":\"Hunter2-embedded\"}"}""",
            ["password: [redacted: 15 characters]", "db_password: [redacted: 16 characters]"]
        },
        {
            "rds.amazonaws.com", "ModifyDBInstance", // finding 6 (numeric-password.json)
            """{"dBInstanceIdentifier":"db1","masterUserPassword":83927461,"allocatedStorage":20}""",
            ["masterUserPassword: [redacted: 8 characters]", "dBInstanceIdentifier: db1", "allocatedStorage: 20"]
        },
        {
            "ec2.amazonaws.com", "CreateVpnConnection", // finding 8 (unlisted-secret-keys.json)
            """{"customerGatewayId":"cgw-1","options":{"tunnelOptions":[{"preSharedKey":"Hunter2-psk"}]},"apiKey":"Hunter2-api","plaintext":"SGVsbG8tcGxhaW50ZXh0","dbPass":"Hunter2-pass"}""",
            ["preSharedKey: [redacted: 11 characters]", "apiKey: [redacted: 11 characters]", "plaintext: [redacted: 20 characters]", "dbPass: [redacted: 12 characters]", "customerGatewayId: cgw-1"]
        },
        {
            "ssm.amazonaws.com", "PutParameter", // finding 8: pwd, Cognito-style session, signingKey, SSM type in capitals
            """{"name":"/prod/db","TYPE":"SecureString","value":"Hunter2-ssm","pwd":"Hunter2-pwd","Session":"AYABeHunter2-session","signingKey":"Hunter2-signing"}""",
            ["name: /prod/db", "value: [redacted: 11 characters]", "pwd: [redacted: 11 characters]", "Session: [redacted: 20 characters]", "signingKey: [redacted: 15 characters]"]
        },
        {
            "codepipeline.amazonaws.com", "UpdatePipeline", // finding 1: CodePipeline holds a CodeBuild action's list as a JSON string
            """{"pipeline":{"name":"web","stages":[{"name":"Build","actions":[{"name":"Build","configuration":{"ProjectName":"web-build","EnvironmentVariables":"[{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2-pipeline\",\"type\":\"PLAINTEXT\"}]"}}]}]}}""",
            ["ProjectName: web-build", "DB_PASSWORD"]
        },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void No_piece_of_a_secret_reaches_any_output_in_either_language(string source, string name, string requestParameters, string[] englishLines)
    {
        var bytes = Event(source, name, requestParameters);
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);

            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            ChatCardInvariants.AssertValid(notification.ChatCard!, name);
            foreach (var output in EveryOutput.Of(notification))
            {
                foreach (var piece in SecretPieces)
                {
                    Assert.DoesNotContain(piece, output, StringComparison.Ordinal);
                }
            }
        }

        var english = Notifiers[0].Notify(bytes).Message;
        foreach (var line in englishLines)
        {
            Assert.Contains(line, english, StringComparison.Ordinal);
        }

        Assert.Contains("[秘匿: ", Notifiers[1].Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_non_secrets_beside_the_new_rules_stay_visible_in_the_email_and_the_json_output()
    {
        var bytes = Event("sts.amazonaws.com", "AssumeRole", """
            {"roleArn":"arn:aws:iam::111111111111:role/deploy","roleSessionName":"ci-run","sessionName":"s1","sessionDuration":3600,
             "passRole":"arn:aws:iam::111111111111:role/app","passwordPolicy":{"maxPasswordAge":90,"minimumPasswordLength":14},
             "passwordLastUsed":"2024-01-01T00:00:00Z","PasswordResetRequired":true,"keyName":"ops-key","keyId":"1234abcd-12ab",
             "publicKey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5","apiKeyRequired":true,"apiKeySource":"HEADER","preSharedKeyStorage":"Standard",
             "manageMasterUserPassword":true,"environment":[{"name":"LOG_LEVEL","value":"debug"}],
             "Session":{"Id":"glue-session-1","Status":"READY"}}
            """);
        var expected = new[]
        {
            "roleSessionName: ci-run", "sessionName: s1", "sessionDuration: 3600", "passRole: arn", "maxPasswordAge: 90",
            "minimumPasswordLength: 14", "passwordLastUsed: 2024-01-01", "PasswordResetRequired: true", "keyName: ops-key",
            "keyId: 1234abcd-12ab", "publicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", "apiKeyRequired: true", "apiKeySource: HEADER",
            "preSharedKeyStorage: Standard", "manageMasterUserPassword: true", "value: debug", "Id: glue-session-1", "Status: READY",
        };

        var notification = Notifiers[0].Notify(bytes);

        Assert.DoesNotContain("[redacted", notification.Message, StringComparison.Ordinal);
        var json = PublishRequestJson.Write(notification);
        foreach (var text in expected)
        {
            Assert.Contains(text, notification.Message, StringComparison.Ordinal);
            Assert.Contains(text, json, StringComparison.Ordinal);
        }
    }

    /// <summary>The seed event with these request parameters written exactly as given (escapes kept as they stand).</summary>
    private static byte[] Event(string source, string name, string requestParameters)
    {
        const string Placeholder = "REQUEST-PARAMETERS-PLACEHOLDER";
        var text = Encoding.UTF8.GetString(TestEvents.SeedWith(detail =>
        {
            detail["eventSource"] = source;
            detail["eventName"] = name;
            detail["readOnly"] = false;
            detail["requestParameters"] = JsonValue.Create(Placeholder);
        }));
        return Encoding.UTF8.GetBytes(text.Replace("\"" + Placeholder + "\"", requestParameters, StringComparison.Ordinal));
    }
}
