using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>The rule table: which keys hold secrets, and which identifiers and settings stay visible.</summary>
public sealed class RedactionRulesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("masterUserPassword")]
    [InlineData("MasterUserPassword")]
    [InlineData("tdeCredentialPassword")]
    [InlineData("NEW_PASSWORD")]
    [InlineData("secretAccessKey")]
    [InlineData("SECRET_ACCESS_KEY")]
    [InlineData("aws_secret_access_key")]
    [InlineData("sessionToken")]
    [InlineData("secretString")]
    [InlineData("SecretBinary")]
    [InlineData("clientSecret")]
    [InlineData("SECRET_HASH")]
    [InlineData("privateKey")]
    [InlineData("private-key")]
    [InlineData("keyMaterial")]
    [InlineData("passphrase")]
    [InlineData("authParameters")]
    [InlineData("challengeResponses")]
    [InlineData("credentials")]
    [InlineData("idToken")]
    [InlineData("accessToken")]
    [InlineData("refresh_token")]
    [InlineData("tokenCode")]
    [InlineData("Authorization")]
    public void Keys_that_hold_secrets_are_secret(string key) =>
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(key));

    [Theory]
    [InlineData("accessKeyId")]
    [InlineData("secretId")]
    [InlineData("SecretARN")]
    [InlineData("secretName")]
    [InlineData("SecretVersionId")]
    [InlineData("secretIdList")]
    [InlineData("tokenType")]
    [InlineData("credentialId")]
    [InlineData("CredentialType")]
    [InlineData("subjectFromWebIdentityToken")]
    [InlineData("nextToken")]
    [InlineData("clientToken")]
    [InlineData("clientRequestToken")]
    [InlineData("httpTokens")]
    [InlineData("passwordPolicy")]
    [InlineData("passwordLastUsed")]
    [InlineData("PasswordResetRequired")]
    [InlineData("PasswordUpdated")]
    [InlineData("accessTokenValidity")]
    [InlineData("versionStages")]
    [InlineData("expiration")]
    [InlineData("USERNAME")]
    [InlineData("arn")]
    [InlineData("keyId")]
    [InlineData("versionId")]
    [InlineData("name")]
    public void Identifiers_and_settings_are_kept(string key) =>
        Assert.Equal(KeyVerdict.Kept, RedactionRules.Classify(key));

    [Theory]
    [InlineData("roleArn2")]
    [InlineData("userAgent")]
    [InlineData("externalId2")]
    [InlineData("policyDocument")]
    [InlineData("privateIpAddress")]
    [InlineData("mfaAuthenticated")]
    [InlineData("value")]
    [InlineData("sessionCredentialFromConsole")]
    public void Other_keys_are_neutral(string key) =>
        Assert.Equal(KeyVerdict.Neutral, RedactionRules.Classify(key));

    [Theory]
    [InlineData("true")]
    [InlineData("FALSE")]
    [InlineData("Yes")]
    [InlineData("no")]
    public void Boolean_like_strings_are_settings(string value) => Assert.True(RedactionRules.IsBooleanLike(value));

    [Fact]
    public void Boolean_like_is_only_those_four_words() => Assert.False(RedactionRules.IsBooleanLike("hunter2"));

    [Fact]
    public void Outside_a_secret_a_key_is_secret_exactly_when_it_is_inside_one()
    {
        // The text rules ask with insideSecret: false (only Secret matters to them); that may only skip the
        // identifier check, never change which keys are secret.
        var parts = RedactionRules.SecretFragments.Concat(RedactionRules.KeptNames).Concat(RedactionRules.KeptSuffixes)
            .Concat(["", "x", "_", "-", "Key", "ID", "9"]).ToArray();
        foreach (var a in parts)
        {
            foreach (var b in parts)
            {
                var key = a + "_" + b.ToUpperInvariant();
                Assert.Equal(
                    RedactionRules.Classify(key) == KeyVerdict.Secret,
                    RedactionRules.Classify(key, insideSecret: false) == KeyVerdict.Secret);
                Assert.Equal(
                    RedactionRules.Classify(key),
                    RedactionRules.Classify(System.Text.Encoding.UTF8.GetBytes(key)));
            }
        }
    }
}
