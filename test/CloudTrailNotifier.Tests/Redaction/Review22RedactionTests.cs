using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Security review 22 (L3, L4) rendered end to end: no piece of the planted secrets in the subject, the email, the publish
/// request, the chat card or an attribute, in English or Japanese; the identifiers and settings beside them still shown.
/// </summary>
public sealed class Review22RedactionTests
{
    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    public static TheoryData<string, string, string, string, string[]> Findings() => new()
    {
        {
            "apigateway.amazonaws.com", "CreateApiKey", // the key's value in the request and the response; decided by the event
            """{"name":"partner","value":"Hunter2apigwkeyvalue01","enabled":true}""",
            """{"id":"k1","value":"Hunter2apigwkeyvalue01","name":"partner"}""",
            ["name: partner", "value: [redacted: 22 characters]", "id: k1", "EventBridge ID: "]
        },
        {
            "apigateway.amazonaws.com", "GetApiKeys", // includeValues: every item's value
            """{"includeValues":true}""",
            """{"items":[{"id":"k1","value":"Hunter2apigwkeyvalue02","name":"a"}]}""",
            ["includeValues: true", "id: k1", "name: a"]
        },
        {
            "appsync.amazonaws.com", "CreateApiKey", // AppSync's API key is its id (da2-...)
            """{"apiId":"abcdefghijklmnopqrstuvwxyz"}""",
            """{"apiKey":{"id":"da2-Hunter2appsynckeyvalue","expires":1700000000}}""",
            ["apiId: abcdefghijklmnopqrstuvwxyz", "id: [redacted: 26 characters]", "Event ID: "]
        },
        {
            "grafana.amazonaws.com", "CreateWorkspaceApiKey",
            """{"keyName":"k","keyRole":"ADMIN","secondsToLive":60,"workspaceId":"g-1"}""",
            """{"key":"Hunter2-grafana","keyName":"k","workspaceId":"g-1"}""",
            ["keyName: k", "keyRole: ADMIN", "key: [redacted: 15 characters]", "workspaceId: g-1"]
        },
        {
            "ivs.amazonaws.com", "CreateChannel",
            """{"name":"c"}""",
            """{"channel":{"arn":"arn:aws:ivs:us-east-1:1:channel/x"},"streamKey":{"arn":"arn:aws:ivs:us-east-1:1:stream-key/y","value":"sk_us-east-1_Hunter2streamkeyvalue"}}""",
            ["arn: arn:aws:ivs:us-east-1:1:stream-key/y", "value: [redacted: 34 characters]"]
        },
        {
            "firehose.amazonaws.com", "CreateDeliveryStream",
            """{"deliveryStreamName":"s","httpEndpointDestinationConfiguration":{"endpointConfiguration":{"url":"https://http-intake.logs.datadoghq.com/v1/input","name":"Datadog","accessKey":"Hunter2firehoseaccesskey"},"requestConfiguration":{"commonAttributes":[{"attributeName":"DD_API_KEY","attributeValue":"Hunter2-attr"},{"attributeName":"env","attributeValue":"prod"}]}}}""",
            "null",
            ["name: Datadog", "accessKey: [redacted: 24 characters]", "attributeName: DD_API_KEY", "attributeValue: prod"]
        },
        {
            "iam.amazonaws.com", "CreateVirtualMFADevice",
            """{"virtualMFADeviceName":"bob"}""",
            """{"virtualMFADevice":{"serialNumber":"arn:aws:iam::1:mfa/bob","base32StringSeed":"Hunter2SEEDJBSWY3DPEHPK3PXP","qRCodePNG":"Hunter2PNGiVBORw0KGgo"}}""",
            ["serialNumber: arn:aws:iam::1:mfa/bob", "base32StringSeed: [redacted: "]
        },
        {
            "transfer.amazonaws.com", "CreateServer",
            """{"hostKey":"Hunter2-b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ","protocols":["SFTP"]}""",
            "null",
            ["hostKey: [redacted: ", "SFTP"]
        },
        {
            "datasync.amazonaws.com", "CreateLocationHdfs",
            """{"kerberosKeytab":"Hunter2BQIAAABHAAIAC0VYQU1QTEUuQ09N","kerberosPrincipal":"hdfs@EXAMPLE"}""",
            "null",
            ["kerberosPrincipal: hdfs@EXAMPLE"]
        },
        {
            "batch.amazonaws.com", "SubmitJob", // environment-variable names in name/value lists and maps
            """{"jobName":"j","containerOverrides":{"environment":[{"name":"GITHUB_PAT","value":"Hunter2-pat"},{"name":"SLACK_WEBHOOK","value":"https://hooks.slack.com/services/T/B/Hunter2wh"},{"name":"NPM_AUTH","value":"Hunter2-npm"},{"name":"STAGE","value":"prod"}]},"tags":{"OPENAI_KEY":"Hunter2-openai","SENTRY_DSN":"https://abc123Hunter2dsn@o1.ingest.sentry.io/1","PlatformCredential":"Hunter2-platcred","core.fernet_key":"Hunter2-fernet","team":"web"}}""",
            "null",
            ["name: GITHUB_PAT", "value: prod", "team: web", "OPENAI_KEY: [redacted: 14 characters]"]
        },
        {
            "states.amazonaws.com", "StartExecution", // L4: encoded forms inside strings
            """{"xml":"<Config><Password>Hunter2-xml</Password><pre_shared_key>Hunter2-psk</pre_shared_key></Config>","form":"user=bob&password%3DHunter2-pct&x=1","q":"https://api.example.com/x?user=bob&pass%77ord=Hunter2-pctkey","fw":"ｐａｓｓｗｏｒｄ=Hunter2-fullwidth","tabsep":"password\tHunter2-tab","ｓｅｃｒｅｔＫｅｙ":"Hunter2-widekey"}""",
            "null",
            ["user=bob&password%3D[redacted: 11 characters]&x=1", "<Password>[redacted: 11 characters]</Password>"]
        },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void No_piece_of_a_secret_reaches_any_output_in_either_language(
        string source, string name, string request, string response, string[] englishLines)
    {
        var bytes = Event(source, name, request, response, errorMessage: null);
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);
            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            foreach (var output in EveryOutput.Of(notification))
            {
                Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
            }
        }

        var english = Notifiers[0].Notify(bytes).Message;
        foreach (var line in englishLines)
        {
            Assert.Contains(line, english, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("EventBridge ID: [redacted", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Event ID: [redacted", english, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_message_that_echoes_environment_variables_hides_their_values()
    {
        // Lambda's own error text when the variables exceed 4 KB.
        var bytes = Event("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", """{"functionName":"f"}""", "null",
            """Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {"LOG_LEVEL":"debug","STRIPE_KEY":"Hunter2-stripe","GITHUB_PAT":"Hunter2-ghpat"}""");
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);
            foreach (var output in EveryOutput.Of(notification))
            {
                Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
            }
        }

        Assert.Contains("\"LOG_LEVEL\":\"debug\"", Notifiers[0].Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_names_stay_visible_in_other_events_and_outside_the_call()
    {
        // value, id and key are plain outside the API key calls; IAM's accessKey object shows its status.
        var tags = Event("apigateway.amazonaws.com", "UpdateStage",
            """{"patchOperations":[{"op":"replace","path":"/cacheClusterSize","value":"0.5"}]}""", "null", null);
        var appsync = Event("appsync.amazonaws.com", "CreateGraphqlApi", """{"name":"api"}""", """{"graphqlApi":{"id":"abc123","name":"api"}}""", null);
        var iam = Event("iam.amazonaws.com", "CreateAccessKey", """{"userName":"bob"}""",
            """{"accessKey":{"accessKeyId":"AKIAEXAMPLE","status":"Active","userName":"bob","secretAccessKey":"Hunter2-sak"}}""", null);

        Assert.Contains("value: 0.5", Notifiers[0].Notify(tags).Message, StringComparison.Ordinal);
        Assert.Contains("id: abc123", Notifiers[0].Notify(appsync).Message, StringComparison.Ordinal);
        var iamMessage = Notifiers[0].Notify(iam).Message;
        Assert.Contains("status: Active", iamMessage, StringComparison.Ordinal);
        Assert.Contains("accessKeyId: AKIAEXAMPLE", iamMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", iamMessage, StringComparison.Ordinal);
    }

    /// <summary>The seed event with this call's source, name, request and response written as given.</summary>
    private static byte[] Event(string source, string name, string request, string response, string? errorMessage)
    {
        const string Request = "REQUEST-PLACEHOLDER";
        const string Response = "RESPONSE-PLACEHOLDER";
        var text = Encoding.UTF8.GetString(TestEvents.SeedWith(detail =>
        {
            detail["eventSource"] = source;
            detail["eventName"] = name;
            detail["readOnly"] = false;
            detail["requestParameters"] = JsonValue.Create(Request);
            detail["responseElements"] = JsonValue.Create(Response);
            if (errorMessage is not null)
            {
                detail["errorCode"] = "InvalidParameterValueException";
                detail["errorMessage"] = errorMessage;
            }
        }));
        return Encoding.UTF8.GetBytes(text.Replace("\"" + Request + "\"", request, StringComparison.Ordinal)
            .Replace("\"" + Response + "\"", response, StringComparison.Ordinal));
    }
}
