using System.Text;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Security review 22 (L3): more keys that hold a key, a seed or a credential; the identifiers beside them stay.</summary>
public sealed class KeyRulesReview22Tests
{
    [Theory]
    [InlineData("apiKeys")]
    [InlineData("API_KEYS")]
    [InlineData("accessKeys")]
    [InlineData("credential")]
    [InlineData("PlatformCredential")]        // SNS CreatePlatformApplication / SetPlatformApplicationAttributes
    [InlineData("authKey")]
    [InlineData("licenseKey")]
    [InlineData("masterKey")]
    [InlineData("sharedKey")]
    [InlineData("passCode")]
    [InlineData("hostKey")]                   // Transfer Family: the server's private SSH host key
    [InlineData("hostKeyBody")]
    [InlineData("kerberosKeytab")]            // DataSync HDFS / SMB
    [InlineData("keytab")]
    [InlineData("base32StringSeed")]          // IAM CreateVirtualMFADevice
    [InlineData("qRCodePNG")]
    [InlineData("streamKey")]                 // IVS: {arn, value}
    [InlineData("streamKeys")]
    [InlineData("core.fernet_key")]           // MWAA airflowConfigurationOptions
    [InlineData("SSECustomerKey")]
    [InlineData("OPENAI_KEY")]
    [InlineData("STRIPE_KEY")]
    [InlineData("GITHUB_PAT")]
    [InlineData("DOCKERHUB_PAT")]
    [InlineData("SLACK_WEBHOOK")]
    [InlineData("NPM_AUTH")]
    [InlineData("SENTRY_DSN")]
    [InlineData("DEPLOY_KEY_2")]
    [InlineData("ｐａｓｓｗｏｒｄ")]                  // fullwidth letters, read as ASCII
    [InlineData("ＤＢ＿ＰＡＳＳＷＯＲＤ")]
    public void Keys_that_hold_secrets_are_secret(string key)
    {
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(key));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(Encoding.UTF8.GetBytes(key)));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(key, insideSecret: false));
    }

    [Fact]
    public void A_singular_access_key_holds_a_secret_only_as_a_string_so_iams_access_key_object_shows_its_status()
    {
        Assert.Equal(KeyVerdict.SecretScalar, RedactionRules.Classify("accessKey")); // Firehose HTTP endpoint: an API key
        Assert.Equal(KeyVerdict.Kept, RedactionRules.Classify("accessKeyId"));
    }

    [Theory]
    [InlineData("keyName")]
    [InlineData("keyId")]
    [InlineData("KeyId")]
    [InlineData("keyArn")]
    [InlineData("accessKeyId")]
    [InlineData("secretArn")]
    [InlineData("secretId")]
    [InlineData("credentialsArn")]
    [InlineData("credentialId")]
    [InlineData("passwordPolicy")]
    [InlineData("passwordLastUsed")]
    [InlineData("streamKeyArn")]
    [InlineData("apiKeyIds")]
    [InlineData("OPENAI_KEY_ID")]
    [InlineData("GITHUB_PAT_NAME")]
    public void Identifiers_beside_them_are_kept(string key) => Assert.Equal(KeyVerdict.Kept, RedactionRules.Classify(key));

    [Theory]
    [InlineData("publicKey")]
    [InlineData("keyPairs")]
    [InlineData("key")]
    [InlineData("keys")]
    [InlineData("KEY")]
    [InlineData("hostKeyFingerprint")]
    [InlineData("sessionCredentialFromConsole")]
    [InlineData("SSH_PUBLIC_KEY")]
    [InlineData("KMS_KEY")]
    [InlineData("LOG_LEVEL")]
    [InlineData("Stripe_Key")]                 // not an environment-variable name (mixed case): judged by its words
    [InlineData("attributeName")]
    [InlineData("webhookName")]
    public void Other_keys_stay_neutral(string key)
    {
        Assert.NotEqual(KeyVerdict.Secret, RedactionRules.Classify(key));
        Assert.NotEqual(KeyVerdict.SecretScalar, RedactionRules.Classify(key));
    }

    [Theory]
    [InlineData("attributeName", nameof(MemberRole.Name))]    // Firehose HTTP endpoint commonAttributes
    [InlineData("AttributeName", nameof(MemberRole.Name))]
    [InlineData("attributeValue", nameof(MemberRole.Value))]
    [InlineData("ｎａｍｅ", nameof(MemberRole.Name))]
    public void Attribute_pairs_speak_for_their_siblings(string key, string role) =>
        Assert.Equal(Enum.Parse<MemberRole>(role), RedactionRules.Role(Encoding.UTF8.GetBytes(key)));

    [Theory]
    [InlineData("\\uff50\\uff41ssword")]      // fullwidth p and a as JSON escapes
    [InlineData("pass\\uFF57ord")]
    public void An_escaped_fullwidth_key_reads_as_its_ascii_name(string asWritten)
    {
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(Encoding.UTF8.GetBytes(asWritten)));
        var decoded = System.Text.Json.JsonDocument.Parse("\"" + asWritten + "\"").RootElement.GetString()!;
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(decoded));
    }

    [Fact]
    public void Other_characters_beyond_ascii_still_read_as_separators()
    {
        Assert.Equal(KeyVerdict.Neutral, RedactionRules.Classify("pass\u00e9Role"));
        Assert.Equal(KeyVerdict.Secret, RedactionRules.Classify(Encoding.UTF8.GetBytes("pass\u00e9word"))); // as before: left out
    }
}
