using System.Text.Json;
using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Tests.Describing;

public sealed class ActorDescriberTests
{
    private static Actor Describe(string userIdentityJson)
    {
        using var document = JsonDocument.Parse(userIdentityJson);
        return ActorDescriber.Describe(document.RootElement.Clone());
    }

    [Fact]
    public void Root_with_an_alias_is_the_root_user_and_keeps_the_alias()
    {
        var actor = Describe("""{"type":"Root","principalId":"111111111111","arn":"arn:aws:iam::111111111111:root","accountId":"111111111111","userName":"acme-prod"}""");

        Assert.Equal(ActorKind.Root, actor.Kind);
        Assert.Equal("root (acme-prod)", actor.Name);
        Assert.Equal("acme-prod", actor.AccountAlias);
        Assert.True(actor.IsRoot);
    }

    [Fact]
    public void Iam_user_is_named_by_user_name()
    {
        var actor = Describe("""{"type":"IAMUser","principalId":"AIDA1","arn":"arn:aws:iam::111111111111:user/ops/alice","accountId":"111111111111","accessKeyId":"AKIA1","userName":"alice"}""");

        Assert.Equal(("alice", "AKIA1"), (actor.Name, actor.AccessKeyId));
        Assert.False(actor.IsRoot);
    }

    [Fact]
    public void Assumed_role_is_split_into_role_and_session()
    {
        var actor = Describe("""
            {"type":"AssumedRole","principalId":"AROA1:i-0abc","arn":"arn:aws:sts::111111111111:assumed-role/app-role/i-0abc","accountId":"111111111111",
             "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111111111111:role/app-role","userName":"app-role"},"attributes":{"mfaAuthenticated":"false","creationDate":"20240101T000000Z"}}}
            """);

        Assert.Equal(("app-role", "i-0abc", "app-role/i-0abc"), (actor.RoleName, actor.SessionName, actor.Name));
        Assert.False(actor.MfaAuthenticated);
        Assert.Equal("arn:aws:iam::111111111111:role/app-role", actor.SessionIssuerArn);
    }

    [Fact]
    public void Identity_center_role_names_the_person_and_the_permission_set()
    {
        var actor = Describe("""
            {"type":"AssumedRole","principalId":"AROA1:alice@example.com","arn":"arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com","accountId":"111111111111"}
            """);

        Assert.Equal("alice@example.com", actor.Name);
        Assert.Equal("AdministratorAccess", actor.PermissionSet);
        Assert.Equal("alice@example.com", actor.IdentityCenterUser);
    }

    [Fact]
    public void Identity_center_user_without_an_arn_is_named_by_on_behalf_of()
    {
        var actor = Describe("""
            {"type":"IdentityCenterUser","accountId":"111111111111","onBehalfOf":{"userId":"9067c4f8-1234","identityStoreArn":"arn:aws:identitystore::111111111111:identitystore/d-1234"},"credentialId":"cred-1"}
            """);

        Assert.Equal(ActorKind.IdentityCenterUser, actor.Kind);
        Assert.Equal("9067c4f8-1234", actor.Name);
        Assert.Equal("arn:aws:identitystore::111111111111:identitystore/d-1234", actor.IdentityStoreArn);
        Assert.Equal("cred-1", actor.CredentialId);
    }

    [Theory]
    [InlineData("""{"type":"FederatedUser","principalId":"111111111111:bob","arn":"arn:aws:sts::111111111111:federated-user/bob","accountId":"111111111111"}""", "FederatedUser", "bob")]
    [InlineData("""{"type":"SAMLUser","principalId":"idp:alice","userName":"alice","identityProvider":"https://idp.example.com"}""", "SAMLUser", "alice")]
    [InlineData("""{"type":"WebIdentityUser","principalId":"accounts.google.com:app:123","userName":"123","identityProvider":"accounts.google.com"}""", "WebIdentityUser", "123")]
    [InlineData("""{"type":"AWSAccount","principalId":"AIDA1","accountId":"222222222222"}""", "AWSAccount", "222222222222")]
    [InlineData("""{"type":"AWSService","invokedBy":"lambda.amazonaws.com"}""", "AWSService", "lambda.amazonaws.com")]
    [InlineData("""{"type":"Unknown","principalId":"p-1","userName":"someone"}""", "Unknown", "someone")]
    [InlineData("""{"type":"QuantumUser","principalId":"q-1"}""", "Other", "q-1")]
    [InlineData("""{"accountId":"111111111111","invokedBy":"signin.amazonaws.com"}""", "Missing", "signin.amazonaws.com")]
    public void Every_identity_type_gets_a_kind_and_a_name(string json, string kindName, string name)
    {
        var kind = Enum.Parse<ActorKind>(kindName);
        var actor = Describe(json);

        Assert.Equal((kind, name), (actor.Kind, actor.Name));
    }

    [Fact]
    public void Provider_comes_from_web_identity_federation_data_when_absent_at_the_top()
    {
        var actor = Describe("""
            {"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/gh/run-1","sessionContext":{"webIdFederationData":{"federatedProvider":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"}}}
            """);

        Assert.Equal("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", actor.IdentityProvider);
    }

    [Fact]
    public void A_missing_identity_is_described_as_missing()
    {
        Assert.Equal(ActorKind.Missing, ActorDescriber.Describe(null).Kind);
    }

    [Fact]
    public void Strings_where_booleans_belong_are_read()
    {
        var actor = Describe("""{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/r/s","sessionContext":{"attributes":{"mfaAuthenticated":"TRUE"},"assumedRoot":"true"}}""");

        Assert.True(actor.MfaAuthenticated);
        Assert.True(actor.IsRoot);
    }
}
