using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// The security-relevant rules of <see cref="EventFactsBuilder"/> tested directly: which errors are denials,
/// who lacks MFA, what is cross-account, and which signals an event carries. Each case starts from the seed
/// event (an MFA-authenticated role session in its own account using console credentials) and changes only
/// what it is about.
/// </summary>
public sealed class EventFactsBuilderTests
{
    private const string Own = "111111111111";
    private const string Other = "222222222222";

    private static EventFacts Facts(Action<JsonObject> change, TamperWatch? watch = null)
    {
        var bytes = TestEvents.SeedWith(change);
        using var document = JsonDocument.Parse(bytes, InputReader.Options);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out var problem), problem);
        return EventFactsBuilder.Build(evt, watch ?? TamperWatch.None, DecoySecrets.None);
    }

    /// <summary>The seed without console credentials and with a program's user agent from a public address.</summary>
    private static void Plain(JsonObject record)
    {
        record.Remove("sessionCredentialFromConsole");
        record["userAgent"] = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1";
        record["sourceIPAddress"] = "203.0.113.7";
    }

    private static JsonObject IamUser(bool? mfa, string account = Own)
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAEXAMPLE",
            ["arn"] = $"arn:aws:iam::{account}:user/alice",
            ["accountId"] = account,
            ["accessKeyId"] = "ASIAEXAMPLE",
            ["userName"] = "alice",
        };
        if (mfa is { } value)
        {
            identity["sessionContext"] = new JsonObject
            {
                ["attributes"] = new JsonObject { ["creationDate"] = "2023-11-24T07:56:38Z", ["mfaAuthenticated"] = value ? "true" : "false" },
            };
        }

        return identity;
    }

    private static JsonObject Root(bool? mfa)
    {
        var identity = IamUser(mfa);
        identity["type"] = "Root";
        identity["principalId"] = Own;
        identity["arn"] = $"arn:aws:iam::{Own}:root";
        identity.Remove("userName");
        return identity;
    }

    private static JsonObject RoleSession(string type, bool mfa) => new()
    {
        ["type"] = type,
        ["principalId"] = "AROAEXAMPLE:bob",
        ["arn"] = $"arn:aws:sts::{Own}:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/bob",
        ["accountId"] = Own,
        ["sessionContext"] = new JsonObject
        {
            ["attributes"] = new JsonObject { ["creationDate"] = "2023-11-24T07:56:38Z", ["mfaAuthenticated"] = mfa ? "true" : "false" },
        },
    };

    private static Action<JsonObject> SignIn(JsonObject identity, string? mfaUsed, string result = "Success") => record =>
    {
        Plain(record);
        record["userIdentity"] = identity;
        record["eventSource"] = "signin.amazonaws.com";
        record["eventName"] = "ConsoleLogin";
        record["eventType"] = "AwsConsoleSignIn";
        record["requestParameters"] = null;
        record["responseElements"] = new JsonObject { ["ConsoleLogin"] = result };
        var extra = new JsonObject { ["LoginTo"] = "https://console.aws.amazon.com/console/home" };
        if (mfaUsed is not null)
        {
            extra["MFAUsed"] = mfaUsed;
        }

        record["additionalEventData"] = extra;
    };

    [Fact]
    public void The_seed_is_a_successful_console_session_with_no_other_signal()
    {
        var facts = Facts(_ => { });

        Assert.Equal(Outcome.Succeeded, facts.Outcome);
        Assert.Equal(Signals.ConsoleSession, facts.Signals);
        Assert.Null(facts.ErrorCode);
    }

    [Theory]
    [InlineData("AccessDenied")]
    [InlineData("AccessDeniedException")]
    [InlineData("Client.UnauthorizedOperation")]
    [InlineData("UnauthorizedAccess")]
    [InlineData("Forbidden")]
    [InlineData("NotAuthorizedException")]
    [InlineData("AuthorizationError")]
    [InlineData("authfailure")]
    public void Permission_errors_are_denials(string code)
    {
        var facts = Facts(r => { Plain(r); r["errorCode"] = code; r["errorMessage"] = "no"; });

        Assert.Equal(Outcome.Denied, facts.Outcome);
        Assert.True(EventFactsBuilder.IsDenial(code));
        Assert.Equal(Signals.AccessDenied, facts.Signals);
        Assert.Equal(code, facts.ErrorCode);
    }

    [Theory]
    [InlineData("ResourceNotFoundException")]
    [InlineData("ThrottlingException")]
    [InlineData("ValidationException")]
    [InlineData("InvalidClientTokenId")]
    [InlineData("AuthorizationErrorX")]
    [InlineData("Failure")]
    public void Other_errors_are_failures_not_denials(string code)
    {
        var facts = Facts(r => { Plain(r); r["errorCode"] = code; });

        Assert.Equal(Outcome.Failed, facts.Outcome);
        Assert.False(EventFactsBuilder.IsDenial(code));
        Assert.Equal(Signals.Error, facts.Signals);
    }

    [Fact]
    public void A_failed_console_sign_in_without_an_error_code_is_a_failure()
    {
        var facts = Facts(SignIn(IamUser(null), "Yes", result: "Failure"));

        Assert.Equal(Outcome.Failed, facts.Outcome);
        Assert.Equal("Failure", facts.ErrorCode);
        Assert.True(facts.Signals.HasFlag(Signals.Error));
        Assert.False(facts.Signals.HasFlag(Signals.AccessDenied));
    }

    [Fact]
    public void An_iam_user_session_without_mfa_lacks_mfa()
    {
        Assert.Equal(Signals.NoMfa, Facts(r => { Plain(r); r["userIdentity"] = IamUser(false); }).Signals);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void An_iam_user_with_mfa_or_without_the_field_does_not_lack_mfa(bool? mfa)
    {
        Assert.Equal(Signals.None, Facts(r => { Plain(r); r["userIdentity"] = IamUser(mfa); }).Signals);
    }

    [Fact]
    public void A_root_session_without_mfa_is_root_and_lacks_mfa()
    {
        var facts = Facts(r => { Plain(r); r["userIdentity"] = Root(false); });

        Assert.True(facts.Actor.IsRoot);
        Assert.Equal(Signals.Root | Signals.NoMfa, facts.Signals);
    }

    [Fact]
    public void A_root_session_with_mfa_is_root_only()
    {
        Assert.Equal(Signals.Root, Facts(r => { Plain(r); r["userIdentity"] = Root(true); }).Signals);
    }

    [Theory]
    [InlineData("No", true)]
    [InlineData("Yes", false)]
    [InlineData(null, false)]
    public void An_iam_user_sign_in_lacks_mfa_exactly_when_MFAUsed_is_No(string? mfaUsed, bool lacks)
    {
        // The session attribute says false, but for a sign-in only MFAUsed counts.
        var facts = Facts(SignIn(IamUser(false), mfaUsed));

        Assert.True(facts.IsSignIn);
        Assert.Equal(lacks, facts.Signals.HasFlag(Signals.NoMfa));
        Assert.True(facts.Signals.HasFlag(Signals.ConsoleSession));
    }

    [Fact]
    public void A_root_sign_in_without_mfa_is_root_and_lacks_mfa()
    {
        var facts = Facts(SignIn(Root(null), "No"));

        Assert.Equal(Signals.Root | Signals.NoMfa | Signals.ConsoleSession, facts.Signals);
    }

    [Theory]
    [InlineData("AssumedRole")]
    [InlineData("IdentityCenterUser")]
    [InlineData("SAMLUser")]
    [InlineData("WebIdentityUser")]
    [InlineData("FederatedUser")]
    public void Federated_and_role_sessions_without_mfa_do_not_lack_mfa(string type)
    {
        var session = Facts(r => { Plain(r); r["userIdentity"] = RoleSession(type, mfa: false); });
        var signIn = Facts(SignIn(RoleSession(type, mfa: false), "No"));

        Assert.Equal(Signals.None, session.Signals);
        Assert.False(signIn.Signals.HasFlag(Signals.NoMfa));
    }

    [Fact]
    public void A_caller_from_another_account_is_cross_account()
    {
        var facts = Facts(r => { Plain(r); r["userIdentity"] = IamUser(true, account: Other); });

        Assert.Equal(Signals.CrossAccount, facts.Signals);
    }

    [Fact]
    public void A_recipient_account_other_than_the_callers_is_cross_account()
    {
        Assert.Equal(Signals.CrossAccount, Facts(r => { Plain(r); r["recipientAccountId"] = Other; }).Signals);
    }

    [Theory]
    [InlineData(Other, true)]
    [InlineData(Own, false)]
    public void Without_a_recipient_account_the_envelopes_account_is_compared(string caller, bool crossAccount)
    {
        var facts = Facts(r => { Plain(r); r["userIdentity"] = IamUser(true, account: caller); r.Remove("recipientAccountId"); });

        Assert.Equal(crossAccount ? Signals.CrossAccount : Signals.None, facts.Signals);
    }

    [Fact]
    public void An_AWSAccount_caller_is_always_cross_account()
    {
        var facts = Facts(r =>
        {
            Plain(r);
            r["userIdentity"] = new JsonObject { ["type"] = "AWSAccount", ["principalId"] = "AIDAEXAMPLE", ["accountId"] = Own };
        });

        Assert.True(facts.Signals.HasFlag(Signals.CrossAccount));
    }

    [Fact]
    public void An_AWS_service_caller_is_an_aws_service_and_never_cross_account()
    {
        var facts = Facts(r =>
        {
            Plain(r);
            // An account id on a service identity names no caller of ours: still not cross-account.
            r["userIdentity"] = new JsonObject { ["type"] = "AWSService", ["invokedBy"] = "cloudformation.amazonaws.com", ["accountId"] = Own };
            r["sourceIPAddress"] = "cloudformation.amazonaws.com";
            r["userAgent"] = "cloudformation.amazonaws.com";
            r["recipientAccountId"] = Other;
        });

        Assert.Equal(Signals.AwsService, facts.Signals);
    }

    [Fact]
    public void A_program_call_forwarded_by_AWS_carries_the_aws_service_signal()
    {
        Assert.Equal(Signals.AwsService, Facts(r => { Plain(r); r["sourceIPAddress"] = "AWS Internal"; }).Signals);
    }

    [Fact]
    public void A_console_call_forwarded_by_AWS_is_the_persons_own_and_not_an_aws_service()
    {
        var facts = Facts(r => r["sourceIPAddress"] = "AWS Internal");

        Assert.Equal(Signals.ConsoleSession, facts.Signals);
        Assert.Equal(Via.Console, facts.Via);
    }

    [Fact]
    public void A_persons_call_a_service_made_for_them_is_via_that_service()
    {
        var facts = Facts(r =>
        {
            Plain(r);
            r["userIdentity"]!["invokedBy"] = "athena.amazonaws.com";
            r["sourceIPAddress"] = "athena.amazonaws.com";
        });

        Assert.Equal(Signals.AwsService, facts.Signals);
        Assert.Equal("athena.amazonaws.com", facts.Via);
    }

    [Fact]
    public void Stopping_a_trail_is_tampering_without_any_watch_list()
    {
        var facts = Facts(r =>
        {
            Plain(r);
            r["eventSource"] = "cloudtrail.amazonaws.com";
            r["eventName"] = "StopLogging";
            r["readOnly"] = false;
            r["requestParameters"] = new JsonObject { ["name"] = "org-trail" };
        });

        Assert.Equal(Signals.Tampering, facts.Signals);
        Assert.Equal(TamperTargetKind.Trail, facts.Tamper?.Target);
    }

    [Theory]
    [InlineData(SampleStack.Function, true)]
    [InlineData("someone-elses-function", false)]
    public void Changing_a_function_is_tampering_only_when_the_watch_names_it(string function, bool tampering)
    {
        var watch = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out var error);
        Assert.Null(error);
        var facts = Facts(
            r =>
            {
                Plain(r);
                r["eventSource"] = "lambda.amazonaws.com";
                r["eventName"] = "DeleteFunction20150331";
                r["readOnly"] = false;
                r["requestParameters"] = new JsonObject { ["functionName"] = function };
            },
            watch);

        Assert.Equal(tampering ? Signals.Tampering : Signals.None, facts.Signals);
        Assert.Equal(tampering, facts.Tamper is not null);
    }

    [Fact]
    public void Signals_combine_denied_root_without_mfa_from_another_recipient()
    {
        var facts = Facts(r =>
        {
            Plain(r);
            r["userIdentity"] = Root(false);
            r["recipientAccountId"] = Other;
            r["errorCode"] = "AccessDenied";
        });

        Assert.Equal(Signals.AccessDenied | Signals.Root | Signals.NoMfa | Signals.CrossAccount, facts.Signals);
    }
}
