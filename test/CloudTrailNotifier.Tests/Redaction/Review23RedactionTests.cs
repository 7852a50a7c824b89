using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Security review 22 (L6, L7) and what the last review left, end to end: issuer-prefixed tokens with no key (user agent,
/// error message, any string, JSON and text held in strings), secret key names in other languages, an Elastic Transcoder
/// data key, a number after a secret flag. No piece reaches the subject, the email, the publish request, the chat card or
/// an attribute, in English or Japanese, nor the text shown for the same event cut short; what sits beside them shows.
/// </summary>
public sealed class Review23RedactionTests
{
    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    private const string UserAgentToken = "ghp_Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private const string ErrorTokens =
        "auth failed for xoxb-123456789012-Hunter2abcdefghijklmn and sk_live_Hunter2abcdefghijklmnopqrstuv; key "
        + "AIzaSyHunter2aaaaaaaaaaaaaaaaaaaaaaaaaaa; glpat-Hunter2aaaaaaaaaaaaa; github_pat_11Hunter2aaaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public static TheoryData<string, string, string, string, string[]> Findings() => new()
    {
        {
            "ecs.amazonaws.com", "RunTask", // L6: tokens in strings, in JSON and text held in strings
            """{"cluster":"prod","overrides":{"containerOverrides":[{"name":"app","environment":[{"name":"STAGE","value":"prod"}],"command":["deploy","npm_Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}]},"startedBy":"ci xapp-1-A0123-Hunter2aaaaaaaa","tags":[{"key":"note","value":"{\"hook\":\"sk-ant-api03-Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"team\":\"web\"}"},{"key":"log","value":"line1\nvault hvs.CAESIHunter2aaaaaaaaaaaaaaaaaaaa ok"}]}""",
            "null",
            ["cluster: prod", "npm_[redacted: 36 characters]", "ci xapp-[redacted: ", "team", "vault hvs.[redacted: "]
        },
        {
            "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", // L7: other languages as JSON keys and in text
            """{"functionName":"f","environment":{"variables":{"DB_PASSWORT":"Hunter2-de","KENNWORT":"Hunter2-kw","MOT_DE_PASSE":"Hunter2-fr","contraseña":"Hunter2-es","パスワード":"Hunter2-ja","暗証番号":"Hunter2-pin","密码":"Hunter2-zh","비밀번호":"Hunter2-ko","SENHA":"Hunter2-pt","ПАРОЛЬ":"Hunter2-ru","hasło":"Hunter2-pl","wachtwoord":"Hunter2-nl","lösenord":"Hunter2-sv","şifre":"Hunter2-tr","LOG_LEVEL":"debug","ユーザー名":"alice"}},"description":"Passwort=Hunter2-detext パスワード：Hunter2-jatext mot de passe : Hunter2-frtext 密碼=Hunter2-zhtext"}""",
            "null",
            ["LOG_LEVEL: debug", "ユーザー名: alice", "パスワード: [redacted: 10 characters]", "Passwort=[redacted: 14 characters]"]
        },
        {
            "elastictranscoder.amazonaws.com", "CreateJob", // the data key of an encryption object; its digest and mode stay
            """{"pipelineId":"1111111111111-abcde1","input":{"key":"in/movie.mp4","encryption":{"mode":"aes-cbc-pkcs7","key":"Hunter2EncryptedDataKeyBase64AAAA","keyMd5":"md5-of-the-key==","initializationVector":"iv-base64=="}},"outputs":[{"key":"out/movie.mp4","presetId":"1351620000001-000010","thumbnailEncryption":{"mode":"aes-ctr","key":"Hunter2ThumbKey"},"encryption":{"mode":"s3-aws-kms"}}],"playlists":[{"name":"p","hlsContentProtection":{"method":"aes-128","key":"Hunter2HlsKey","keyStoragePolicy":"WithVariantPlaylists"},"playReadyDrm":{"format":"microsoft","key":"Hunter2DrmKey","keyId":"drm-key-id"}}]}""",
            "null",
            ["key: in/movie.mp4", "key: out/movie.mp4", "keyMd5: md5-of-the-key==", "mode: aes-cbc-pkcs7", "initializationVector: iv-base64==", "keyId: drm-key-id", "method: aes-128"]
        },
        {
            "lightsail.amazonaws.com", "GetInstanceAccessDetails", // certKey is the SSH certificate (tempkey-cert.pub): public
            """{"instanceName":"web-1","protocol":"ssh"}""",
            """{"accessDetails":{"certKey":"ssh-rsa-cert-v01@openssh.com AAAAHHNzaC1yc2EtY2VydC12MDFAb3BlbnNzaC5jb20 lightsail","ipAddress":"203.0.113.10","password":"Hunter2-rdp","privateKey":"-----BEGIN RSA PRIVATE KEY-----\nHunter2pem\n-----END RSA PRIVATE KEY-----","username":"ec2-user","instanceName":"web-1"}}""",
            ["certKey: ssh-rsa-cert-v01@openssh[.]com AAAAHHNzaC1yc2EtY2VydC12MDFAb3BlbnNzaC5jb20", "ipAddress: 203.0.113.10", "username: ec2-user"]
        },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void No_piece_of_a_secret_reaches_any_output_in_either_language(
        string source, string name, string request, string response, string[] englishLines)
    {
        var bytes = Event(source, name, request, response);
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);
            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            AssertNoSecret(notification, [new string('a', 20)]);
        }

        var english = Notifiers[0].Notify(bytes).Message;
        foreach (var line in englishLines)
        {
            Assert.Contains(line, english, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void No_piece_reaches_the_text_shown_for_the_event_cut_short(string source, string name, string request, string response, string[] englishLines)
    {
        _ = englishLines;
        var damaged = Event(source, name, request, response)[..^1]; // the envelope's closing brace gone: not JSON any more
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(damaged);
            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            AssertNoSecret(notification, [new string('a', 20)]);
        }
    }

    [Fact]
    public void Tokens_in_the_user_agent_and_the_error_message_keep_their_prefix_in_the_email_and_the_chat_card()
    {
        var bytes = TestEvents.SeedWith(detail =>
        {
            detail["userAgent"] = "deploy/1.0 " + UserAgentToken;
            detail["errorCode"] = "AccessDenied";
            detail["errorMessage"] = ErrorTokens;
        });
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);
            AssertNoSecret(notification, [new string('a', 12)]);
            Assert.Contains("ghp_", notification.ChatCard, StringComparison.Ordinal);
        }

        var english = Notifiers[0].Notify(bytes);
        Assert.Contains($"User agent: deploy/1.0 ghp_[redacted: {UserAgentToken.Length - 4} characters]", english.Message, StringComparison.Ordinal);
        Assert.Contains("xoxb-[redacted: 34 characters] and sk_live_[redacted: 29 characters]; key AIza[redacted: 36 characters]", english.Message, StringComparison.Ordinal);
        Assert.Contains("glpat-[redacted: 20 characters]; github_pat_[redacted: 82 characters]", english.Message, StringComparison.Ordinal);
        Assert.Contains($"ghp_[秘匿: {UserAgentToken.Length - 4} 文字]", Notifiers[1].Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_after_a_secret_flag_is_hidden_in_an_argument_array_and_in_text()
    {
        var bytes = Event("ecs.amazonaws.com", "RunTask",
            """{"cluster":"prod","overrides":{"containerOverrides":[{"name":"app","command":["app","--pin",918273,"--password",55550123,"--port",5432],"args":"[\"--pin\", 7654321, \"--v\"]"}]}}""",
            "null");
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(bytes);
            foreach (var output in EveryOutput.Of(notification).Concat(EveryOutput.Of(notifier.Notify(bytes[..^1]))))
            {
                Assert.DoesNotContain("918273", output, StringComparison.Ordinal);
                Assert.DoesNotContain("55550123", output, StringComparison.Ordinal);
                Assert.DoesNotContain("7654321", output, StringComparison.Ordinal);
            }
        }

        var message = Notifiers[0].Notify(bytes).Message;
        Assert.Contains("5432", message, StringComparison.Ordinal);
        Assert.Contains("--port", message, StringComparison.Ordinal);
        Assert.Contains("[\"--pin\", [redacted: 7 characters], \"--v\"]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encryption_objects_key_is_hidden_only_there_and_the_first_look_does_not_clear_it()
    {
        // The same key name elsewhere is an S3 object key or a tag's key, and stays.
        var bytes = Event("elastictranscoder.amazonaws.com", "CreateJob",
            """{"input":{"key":"in/a.mp4","encryption":{"mode":"aes-gcm","key":"ZqKeyAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},"userMetadata":{"key":"visible-note"}}""", "null");
        var message = Notifiers[0].Notify(bytes).Message;

        Assert.DoesNotContain("ZqKey", message, StringComparison.Ordinal);
        Assert.Contains("key: in/a.mp4", message, StringComparison.Ordinal);
        Assert.Contains("key: visible-note", message, StringComparison.Ordinal);
        Assert.Contains("mode: aes-gcm", message, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(Notification notification, string[] pieces)
    {
        foreach (var output in EveryOutput.Of(notification))
        {
            Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
            foreach (var piece in pieces)
            {
                Assert.DoesNotContain(piece, output, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The seed event with this call's source, name, request and response written as given (raw UTF-8).</summary>
    private static byte[] Event(string source, string name, string request, string response)
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
        }));
        return Encoding.UTF8.GetBytes(text.Replace("\"" + Request + "\"", request, StringComparison.Ordinal)
            .Replace("\"" + Response + "\"", response, StringComparison.Ordinal));
    }
}
