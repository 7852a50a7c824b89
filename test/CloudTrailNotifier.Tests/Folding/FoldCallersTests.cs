using System.Text;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// Who a group is keyed on: two people through one role are two groups (the review's S6), a program's sessions through
/// one role are one group that lists them, a stable service session folds on its own; the rate guard counts the role.
/// </summary>
public sealed class FoldCallersTests
{
    internal const string SsoRole = "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_abc";

    /// <summary>The review's fold-sso-alice.json and fold-sso-mallory.json, as written (their odd <c>type</c> included).</summary>
    private static string ReviewIdentity(string person) => $$"""
        {"type": "IAMUser", "principalId": "AROAX:{{person}}", "arn": "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_abc/{{person}}",
         "accountId": "111111111111", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "ci-deploy",
         "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "{{SsoRole}}", "userName": "AWSReservedSSO_Admin_abc", "principalId": "AROAX", "accountId": "111111111111"} } }
        """;

    [Fact]
    public void Two_SSO_users_through_the_same_role_on_the_same_secret_are_two_groups_each_naming_its_person()
    {
        var alice = Read(ReviewIdentity("alice@example.com"), "a9b7e3ea-1d1d-484f-b9db-434b610b1631");
        var mallory = Read(ReviewIdentity("mallory@example.com"), "ffffffff-0000-4000-8000-000000000001");

        Assert.NotEqual(alice.GroupKey, mallory.GroupKey);
        Assert.Equal(SsoRole + " (alice@example.com)", alice.Identity.Principal);
        Assert.Equal(SsoRole + " (mallory@example.com)", mallory.Identity.Principal);
        Assert.Equal(("alice@example.com", "mallory@example.com"), (alice.Session, mallory.Session));

        // The rate guard's share stays the role's: a new session name is no new share.
        Assert.Equal((SsoRole, SsoRole), (alice.RatePrincipal, mallory.RatePrincipal));
        Assert.Equal(alice.GroupKey, Read(ReviewIdentity("alice@example.com"), "another-call").GroupKey);
    }

    [Theory]
    [InlineData("i-0a1b2c3d4e5f60718", "i-0f9e8d7c6b5a40312")] // EC2 instance profile: the instance id
    [InlineData("3f0c2b7a9e8d4c1fa5b6e7d8c9a0b1c2", "9a8b7c6d5e4f30211f2e3d4c5b6a7980")] // ECS task role: the task id
    [InlineData("botocore-session-1741947644", "botocore-session-1741947702")] // EKS pods (web identity), SDK defaults
    [InlineData("AWSCodeBuild-3f0c2b7a-9e8d-4c1f-a5b6-e7d8c9a0b1c2", "AWSCodeBuild-11111111-2222-4333-8444-555555555555")] // a GUID inside
    [InlineData("1741947644123", "1741947702456")] // a timestamp
    public void A_program_s_sessions_through_one_role_are_one_group_that_keeps_each_session(string one, string two)
    {
        const string role = "arn:aws:iam::111111111111:role/orders-worker";
        var first = Read(Role("orders-worker", one), "e-1");
        var second = Read(Role("orders-worker", two), "e-2");

        Assert.Equal(first.GroupKey, second.GroupKey);
        Assert.Equal((role, role), (first.Identity.Principal, first.RatePrincipal));
        Assert.Equal((one, two), (first.Session, second.Session));
    }

    [Fact]
    public void A_service_calling_repeatedly_under_a_stable_session_name_folds_and_another_function_of_the_role_does_not_join_it()
    {
        // Lambda names an execution role's session after the function; GitHub Actions' OIDC role often "GitHubActions".
        var one = Read(Role("app-role", "orders-api"), "e-1");
        var again = Read(Role("app-role", "orders-api"), "e-2");
        var other = Read(Role("app-role", "billing-api"), "e-3");

        Assert.Equal(one.GroupKey, again.GroupKey);
        Assert.NotEqual(one.GroupKey, other.GroupKey);
        Assert.Equal("arn:aws:iam::111111111111:role/app-role (orders-api)", one.Identity.Principal);
        Assert.Equal(one.RatePrincipal, other.RatePrincipal);
    }

    [Fact]
    public void An_SSO_session_is_a_person_even_when_its_name_looks_made_up()
    {
        var one = Read(Role("AWSReservedSSO_ReadOnly_0123456789abcdef", "1234567890", "aws-reserved/sso.amazonaws.com/"), "e-1");
        var two = Read(Role("AWSReservedSSO_ReadOnly_0123456789abcdef", "1234567891", "aws-reserved/sso.amazonaws.com/"), "e-2");

        Assert.NotEqual(one.GroupKey, two.GroupKey);
        Assert.EndsWith("/AWSReservedSSO_ReadOnly_0123456789abcdef (1234567890)", one.Identity.Principal, StringComparison.Ordinal);
    }

    [Fact]
    public void SAML_users_of_one_role_are_apart_and_web_identity_pods_of_one_role_are_together()
    {
        var jane = Read(Role("SAML-ReadOnly", "jane.doe@example.com"), "e-1");
        var john = Read(Role("SAML-ReadOnly", "john.roe@example.com"), "e-2");
        const string web = """, "webIdFederationData": {"federatedProvider": "arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"}""";
        var pod1 = Read(Role("eks-reader", "botocore-session-1741947644", extra: web), "e-3");
        var pod2 = Read(Role("eks-reader", "botocore-session-1741950000", extra: web), "e-4");

        Assert.NotEqual(jane.GroupKey, john.GroupKey);
        Assert.Equal(pod1.GroupKey, pod2.GroupKey);
        Assert.Equal("arn:aws:iam::111111111111:role/eks-reader", pod1.Identity.Principal);
    }

    [Fact]
    public void A_source_identity_is_shown_beside_the_session_name_and_keys_the_group_with_it()
    {
        const string alice = """, "sourceIdentity": "alice" """;
        var one = Read(Role("deployer", "botocore-session-1741947644", extra: alice), "e-1");
        var again = Read(Role("deployer", "botocore-session-1741947644", extra: alice), "e-2");
        var two = Read(Role("deployer", "botocore-session-1741950000", extra: alice), "e-3");
        var bob = Read(Role("deployer", "botocore-session-1741950000", extra: """, "sourceIdentity": "bob" """), "e-4");
        var center = """{"type": "IdentityCenterUser", "accountId": "111111111111", "onBehalfOf": {"userId": "USER", "identityStoreArn": "arn:aws:identitystore::111111111111:identitystore/d-1"}, "credentialId": "c"}""";

        Assert.Equal(one.GroupKey, again.GroupKey);
        Assert.NotEqual(one.GroupKey, two.GroupKey); // both the session name and the source identity key the group
        Assert.NotEqual(two.GroupKey, bob.GroupKey);
        Assert.Equal(("arn:aws:iam::111111111111:role/deployer (botocore-session-1741947644, sourceIdentity alice)", "botocore-session-1741947644, sourceIdentity alice"),
            (one.Identity.Principal, one.Session));
        Assert.Equal("arn:aws:iam::111111111111:role/deployer", one.RatePrincipal);
        Assert.NotEqual(Read(center.Replace("USER", "u-1", StringComparison.Ordinal), "e-5").GroupKey, Read(center.Replace("USER", "u-2", StringComparison.Ordinal), "e-6").GroupKey);
        Assert.Equal("IdentityCenterUser u-1", Read(center.Replace("USER", "u-1", StringComparison.Ordinal), "e-7").Identity.Principal);
    }

    [Fact]
    public void A_session_named_mallory_that_sets_the_source_identity_alice_is_not_alice_s_group_and_is_named_mallory()
    {
        // The review's fold-alice-sourceid.json and fold-mallory-sourceid-alice.json: one role, one call, sourceIdentity alice.
        const string alice = """, "sourceIdentity": "alice" """;
        var ofAlice = Read(Role("orders-worker", "alice", extra: alice), "a-1");
        var ofMallory = Read(Role("orders-worker", "mallory", extra: alice), "m-1");

        Assert.NotEqual(ofAlice.GroupKey, ofMallory.GroupKey);
        Assert.Equal("arn:aws:iam::111111111111:role/orders-worker (mallory, sourceIdentity alice)", ofMallory.Identity.Principal);
        Assert.Equal("mallory, sourceIdentity alice", ofMallory.Session);
        Assert.Equal("arn:aws:iam::111111111111:role/orders-worker (alice, sourceIdentity alice)", ofAlice.Identity.Principal);
    }

    [Fact]
    public void Without_an_ARN_the_principal_id_s_session_part_names_the_session()
    {
        var identity = """{"type": "AssumedRole", "principalId": "AROAX:carol", "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111111111111:role/dba"}}}""";

        var carol = Read(identity, "e-1");

        Assert.Equal(("arn:aws:iam::111111111111:role/dba (carol)", "carol"), (carol.Identity.Principal, carol.Session));
        Assert.NotEqual(carol.GroupKey, Read(identity.Replace("carol", "dave", StringComparison.Ordinal), "e-2").GroupKey);
    }

    [Fact]
    public void A_user_keeps_its_ARN_as_principal_and_has_no_session()
    {
        var user = Read("""{"type": "IAMUser", "principalId": "AIDAX", "arn": "arn:aws:iam::111111111111:user/ci", "userName": "ci"}""", "e-1");

        Assert.Equal(("arn:aws:iam::111111111111:user/ci", "arn:aws:iam::111111111111:user/ci", null), (user.Identity.Principal, user.RatePrincipal, user.Session));
    }

    [Fact]
    public void A_group_names_the_first_ten_distinct_sessions_of_all_its_folded_calls_counts_the_others_and_forgets_them_with_its_digest()
    {
        var now = new DateTimeOffset(2025, 3, 14, 10, 21, 0, TimeSpan.Zero);
        var window = TimeSpan.FromMinutes(15);
        var state = FoldDecider.Decide(null, Read(Role("orders-worker", "i-00000000"), "e0"), now, window, rateAllows: true).NewState;
        var sessions = new List<string>();
        for (var i = 1; i <= 13; i++)
        {
            var session = "i-" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            sessions.Add(session);
            state = FoldDecider.Decide(state, Read(Role("orders-worker", session), "e" + i), now, window, rateAllows: true).NewState;
            state = FoldDecider.Decide(state, Read(Role("orders-worker", session), "again" + i), now, window, rateAllows: true).NewState; // once more: no new session
        }

        // A person whose session name looks program-made joins the fleet's group as its 27th folded call, and is counted.
        state = FoldDecider.Decide(state, Read(Role("orders-worker", "mallory-1733112999"), "m"), now, window, rateAllows: true).NewState;

        Assert.Equal(27, state.Folded);
        Assert.Equal(sessions[..GroupState.SessionLimit], state.Sessions); // i-0 was sent on its own
        Assert.Equal(4, state.MoreSessionCount); // i-11, i-12, i-13 and mallory-1733112999, each once
        Assert.Equal(5, state.EventIds.Count); // event ids (and addresses, user agents) still of the first five
        var after = FoldDecider.AfterDigest(state, state);
        Assert.Equal((null, null, 0), (after.Sessions, after.MoreSessions, after.MoreSessionCount));
    }

    [Fact]
    public void A_person_with_a_program_made_session_name_in_a_fleet_s_group_is_named_in_its_sessions_after_the_fifth_folded_call()
    {
        // The review's fold-fleet-0..4.json, then fold-mallory-machine-name.json: the fleet's first call is sent, five fold, then hers.
        var now = new DateTimeOffset(2025, 3, 14, 10, 21, 0, TimeSpan.Zero);
        var window = TimeSpan.FromMinutes(15);
        var fleet = (string[])["ecs-task-3f9a1c2b4d5e6f708192a3b4c5d6e7f8", "3f0c2b7a-9e8d-4c1f-a5b6-e7d8c9a0b1c2", "i-0a1b2c3d4e5f60718",
            "botocore-session-1733112000", "worker-1733112500", "i-0f9e8d7c6b5a40312"];
        GroupState? state = null;
        foreach (var session in fleet)
        {
            state = FoldDecider.Decide(state, Read(Role("orders-worker", session), session), now, window, rateAllows: true).NewState;
        }

        var mallory = Read(Role("orders-worker", "mallory-1733112999"), "m-1");
        state = FoldDecider.Decide(state, mallory, now, window, rateAllows: true).NewState;

        Assert.Equal(state.GroupKey, mallory.GroupKey);
        Assert.Equal(6, state.Folded);
        Assert.Equal([.. fleet[1..], "mallory-1733112999"], state.Sessions);
    }

    internal static string Role(string role, string session, string path = "", string extra = "") => $$"""
        {"type": "AssumedRole", "principalId": "AROAX:{{session}}", "arn": "arn:aws:sts::111111111111:assumed-role/{{role}}/{{session}}",
         "accountId": "111111111111", "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAX",
         "arn": "arn:aws:iam::111111111111:role/{{path}}{{role}}", "accountId": "111111111111", "userName": "{{role}}"} {{extra}} } }
        """;

    internal static byte[] Event(string userIdentity, string eventId, string eventName = "PutSecretValue") => Encoding.UTF8.GetBytes($$"""
        {"version": "0", "id": "eb-{{eventId}}", "detail-type": "AWS API Call via CloudTrail", "source": "aws.secretsmanager", "account": "111111111111",
         "time": "2025-03-14T10:20:44Z", "region": "eu-west-1", "resources": [],
         "detail": {"eventVersion": "1.11", "userIdentity": {{userIdentity}}, "eventTime": "2025-03-14T10:20:44Z",
          "eventSource": "secretsmanager.amazonaws.com", "eventName": "{{eventName}}", "awsRegion": "eu-west-1", "sourceIPAddress": "198.51.100.73",
          "userAgent": "aws-cli/2.24.10", "requestParameters": {"secretId": "prod/billing/api-key"}, "responseElements": null,
          "eventID": "{{eventId}}", "readOnly": false, "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "111111111111"} }
        """);

    private static FoldEvent Read(string userIdentity, string eventId) => FoldEventReader.Read(Event(userIdentity, eventId))!;
}
