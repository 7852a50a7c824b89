using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The gaps a security review left open, end to end: a short bearer token with no header key, PINs, MFA and other
/// one-time codes, and secret keys written in lower case with their words run together. No piece of such a secret
/// reaches the subject, the email body, the publish request, the chat card or an attribute, in English or Japanese,
/// nor the text shown for the same event cut short (damaged JSON); the keys beside them that name no secret still show.
/// </summary>
public sealed class RedactionGapsTests
{
    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    public static TheoryData<string, string, string, string[]> Gaps() => new()
    {
        {
            "apigateway.amazonaws.com", "TestInvokeMethod", // 1: a short bearer token, no header key before it
            """{"restApiId":"a1b2c3","headers":{"X-Forwarded":"Bearer abc123XYZ"},"note":"token Bearer Kqzwv","body":"sent Bearer Zt7Qp2."}""",
            ["abc123XYZ", "Kqzwv", "Zt7Qp2"]
        },
        {
            "connect.amazonaws.com", "UpdateUserSecurityProfiles", // 2: pin keys
            """{"instanceId":"i-1","pin":"48213","pinCode":"739164","userPin":582936,"PIN":"93617","user_pin_code":"305182"}""",
            ["48213", "739164", "582936", "93617", "305182"]
        },
        {
            "iam.amazonaws.com", "EnableMFADevice", // 3: IAM's two consecutive codes
            """{"userName":"bob","serialNumber":"arn:aws:iam::111111111111:mfa/bob","authenticationCode1":"602817","authenticationCode2":"913274"}""",
            ["602817", "913274"]
        },
        {
            "iam.amazonaws.com", "ResyncMFADevice",
            """{"userName":"bob","serialNumber":"arn:aws:iam::111111111111:mfa/bob","authenticationCode1":602817,"authenticationCode2":913274}""",
            ["602817", "913274"]
        },
        {
            "cognito-idp.amazonaws.com", "ConfirmSignUp", // 3: Cognito and other one-time codes
            """{"clientId":"app-client","username":"carol","confirmationCode":"358201","otp":"771203","totpCode":"442918","mfaCode":"659021","verificationCode":"284713","UserCode":"190374"}""",
            ["358201", "771203", "442918", "659021", "284713", "190374"]
        },
        {
            "rds.amazonaws.com", "ModifyDBInstance", // 4: lower-case keys with their words run together
            """{"dBInstanceIdentifier":"db1","dbpass":"Hunter2-dbpass","dbpassword":"Hunter2-dbpassword","adminpass":"Hunter2-adminpass","masterpassword":"Hunter2-master","apikey":"Hunter2-apikey","secretkey":"Hunter2-secretkey","authtoken":"Hunter2-authtoken","rootpwd":"Hunter2-rootpwd","userpin":"Hunter2-userpin"}""",
            ["Hunter2"]
        },
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void No_piece_of_the_secret_reaches_any_output_in_either_language(string source, string name, string requestParameters, string[] pieces)
    {
        var bytes = Event(source, name, requestParameters);
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);

            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            ChatCardInvariants.AssertValid(notification.ChatCard!, name);
            AssertNoPiece(notification, pieces);
        }

        Assert.Contains("[redacted: ", Notifiers[0].Notify(bytes).Message, StringComparison.Ordinal);
        Assert.Contains("[秘匿: ", Notifiers[1].Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void No_piece_of_the_secret_reaches_the_text_shown_for_the_event_cut_short(string source, string name, string requestParameters, string[] pieces)
    {
        var bytes = Event(source, name, requestParameters);
        var damaged = bytes[..^1]; // the envelope's closing brace gone: not JSON any more
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(damaged);

            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            Assert.Contains(name, notification.Message, StringComparison.Ordinal);
            AssertNoPiece(notification, pieces);
        }
    }

    [Theory]
    [InlineData("errorMessage", "The request had token Bearer Kqzwv in it", "Kqzwv")]
    [InlineData("errorMessage", "Bearer abc123XYZ rejected", "abc123XYZ")]
    [InlineData("errorMessage", "Invalid request: {\"pin\": \"48213\", \"authenticationCode1\": \"602817\"}", "48213")]
    [InlineData("errorMessage", "Invalid request: {\"pin\": \"48213\", \"authenticationCode1\": \"602817\"}", "602817")]
    [InlineData("errorMessage", "bad value otp=771203 for user", "771203")]
    [InlineData("errorMessage", "could not log in with dbpass=Hunter2-dbpass", "Hunter2")]
    public void A_secret_in_an_error_message_reaches_no_output(string field, string value, string piece)
    {
        var bytes = TestEvents.SeedWith(d => d[field] = value);
        foreach (var notifier in Notifiers)
        {
            AssertNoPiece(notifier.Notify(bytes), [piece]);
        }
    }

    [Fact]
    public void Keys_that_only_look_like_the_new_rules_still_show_in_the_email_and_the_json_output()
    {
        var bytes = Event("pinpoint.amazonaws.com", "UpdateApp", """
            {"pinpointAppId":"pp-app-1","spinner":"dots","pinned":"pinned-yes","shipping":"ground","compass":"north-west",
             "bypass":"on-call","passive":"mode-a","passengers":"12-seats","keyName":"ops-key","errorCode":"Throttled",
             "deviceName":"laptop-1","mfaAuthenticated":"false","serialNumber":"arn:aws:iam::111111111111:mfa/bob",
             "codeSha256":"abc-sha","note":"a Bearer token is required","tokenType":"Bearer"}
            """);
        var expected = new[]
        {
            "pinpointAppId: pp-app-1", "spinner: dots", "pinned: pinned-yes", "shipping: ground", "compass: north-west",
            "bypass: on-call", "passive: mode-a", "passengers: 12-seats", "keyName: ops-key", "errorCode: Throttled",
            "deviceName: laptop-1", "codeSha256: abc-sha", "note: a Bearer token is required", "tokenType: Bearer",
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

    private static void AssertNoPiece(Notification notification, string[] pieces)
    {
        foreach (var output in EveryOutput.Of(notification))
        {
            foreach (var piece in pieces)
            {
                Assert.DoesNotContain(piece, output, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The seed event with these request parameters written exactly as given.</summary>
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
