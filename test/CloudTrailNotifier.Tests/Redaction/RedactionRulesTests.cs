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
    [InlineData("preSharedKey")]             // EC2 CreateVpnConnection / ModifyVpnTunnelOptions tunnel options
    [InlineData("PreSharedKey")]
    [InlineData("tunnel1PreSharedKey")]
    [InlineData("apiKey")]
    [InlineData("api_key")]
    [InlineData("x-api-key")]
    [InlineData("API_KEY")]
    [InlineData("apiKey2")]
    [InlineData("ApiKeyValue")]              // EventBridge connection ApiKeyAuthParameters
    [InlineData("plaintext")]                // KMS Decrypt / GenerateDataKey / GenerateRandom response
    [InlineData("Plaintext")]
    [InlineData("signingKey")]
    [InlineData("client-secret")]
    [InlineData("DB_PASSWORD")]
    [InlineData("pinCode")]                  // PINs, MFA and one-time codes
    [InlineData("PIN_CODE")]
    [InlineData("user_pin_code")]
    [InlineData("authenticationCode1")]      // IAM EnableMFADevice / ResyncMFADevice
    [InlineData("authenticationCode2")]
    [InlineData("AuthenticationCode1")]
    [InlineData("otpCode")]
    [InlineData("totpCode")]
    [InlineData("mfaCode")]
    [InlineData("MFA_CODE")]
    [InlineData("verificationCode")]
    [InlineData("confirmationCode")]         // Cognito ConfirmSignUp / ConfirmForgotPassword
    [InlineData("ConfirmationCode")]
    [InlineData("UserCode")]                 // Cognito VerifySoftwareToken
    [InlineData("deviceCode")]               // SSO OIDC CreateToken
    [InlineData("dbpassword")]               // lower case, words run together
    [InlineData("masterpassword")]
    [InlineData("apikey")]
    [InlineData("secretkey")]
    [InlineData("authtoken")]
    [InlineData("mfacode")]
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
    [InlineData("passwordEncryption")]
    [InlineData("maxPasswordAge")]
    [InlineData("PasswordReusePrevention")]
    [InlineData("apiKeyRequired")]
    [InlineData("apiKeyId")]
    [InlineData("preSharedKeyArn")]
    [InlineData("signingKeyArn")]
    [InlineData("keyName")]
    [InlineData("sessionName")]
    [InlineData("roleSessionName")]
    [InlineData("dbPassId")]
    [InlineData("pinpointAppId")]
    [InlineData("pinLength")]
    [InlineData("otpType")]
    [InlineData("mfaCodeLength")]
    [InlineData("verificationCodeId")]
    [InlineData("deviceName")]
    [InlineData("MfaType")]
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
    [InlineData("sessionDuration")]
    [InlineData("sessionIssuer")]
    [InlineData("sessionContext")]
    [InlineData("trafficMirrorSession")]
    [InlineData("passRole")]
    [InlineData("PassRole")]
    [InlineData("bypassPolicyLockoutSafetyCheck")]
    [InlineData("bypass")]
    [InlineData("compass")]
    [InlineData("publicKey")]
    [InlineData("primaryKey")]
    [InlineData("apiKeySource")]
    [InlineData("apiKeySelectionExpression")]
    [InlineData("preSharedKeyStorage")]
    [InlineData("plaintextLength2")]
    [InlineData("key")]
    [InlineData("pinned")]
    [InlineData("spinner")]
    [InlineData("shipping")]
    [InlineData("pinpoint")]
    [InlineData("blockDeviceMapping")]
    [InlineData("wrappingAlgorithm")]
    [InlineData("passive")]
    [InlineData("passengers")]
    [InlineData("encompass")]
    [InlineData("Overpass")]
    [InlineData("spin")]
    [InlineData("TailSpin")]
    [InlineData("hairpin")]
    [InlineData("code")]
    [InlineData("errorCode")]
    [InlineData("statusCode")]
    [InlineData("productCodes")]
    [InlineData("codeSha256")]
    [InlineData("MFAUsed")]
    [InlineData("otpauth")]
    public void Other_keys_are_neutral(string key) =>
        Assert.Equal(KeyVerdict.Neutral, RedactionRules.Classify(key));

    [Theory]
    [InlineData("session")]                  // Cognito InitiateAuth / RespondToAuthChallenge / AssociateSoftwareToken
    [InlineData("Session")]
    [InlineData("dbPass")]
    [InlineData("DB_PASS")]
    [InlineData("db-pass1")]
    [InlineData("pass")]
    [InlineData("Pass")]
    [InlineData("pwd")]
    [InlineData("PWD")]
    [InlineData("userPwd")]
    [InlineData("MYSQL_PW")]
    [InlineData("pin")]
    [InlineData("PIN")]
    [InlineData("Pin")]
    [InlineData("userPin")]
    [InlineData("USER_PIN")]
    [InlineData("pin2")]
    [InlineData("otp")]
    [InlineData("OTP")]
    [InlineData("TOTP")]
    [InlineData("smsOtp")]
    [InlineData("dbpass")]                   // lower case, words run together
    [InlineData("adminpass")]
    [InlineData("DBpass")]
    [InlineData("rootpw")]
    [InlineData("dbpwd")]
    [InlineData("userpin")]
    [InlineData("SinglePass")]               // a Step Functions state: an object, judged as neutral (see the redactor tests)
    public void Keys_that_hold_a_secret_only_as_a_string_or_number_say_so(string key)
    {
        Assert.Equal(KeyVerdict.SecretScalar, RedactionRules.Classify(key));
        Assert.Equal(KeyVerdict.SecretScalar, RedactionRules.Classify(key, insideSecret: false));
    }

    [Theory]
    [InlineData("pass\\u0077ord", nameof(KeyVerdict.Secret))]
    [InlineData("\\u0070\\u0061\\u0073\\u0073\\u0077\\u006F\\u0072\\u0064", nameof(KeyVerdict.Secret))]
    [InlineData("db_pass\\u0077ord", nameof(KeyVerdict.Secret))]
    [InlineData("api\\u004bey", nameof(KeyVerdict.Secret))]
    [InlineData("sessio\\u006e", nameof(KeyVerdict.SecretScalar))]
    [InlineData("secret\\u0049d", nameof(KeyVerdict.Kept))]
    [InlineData("pass\\\\u0077ord", nameof(KeyVerdict.Neutral))]  // an escaped backslash: the name is pass\u0077ord, no password
    [InlineData("pass\\nword", nameof(KeyVerdict.Secret))]         // a line break is a separator, like _ and -
    [InlineData("pass\\u00e9word", nameof(KeyVerdict.Secret))]     // a character beyond ASCII is left out, as written unescaped
    public void An_escaped_key_gets_the_verdict_of_its_decoded_name(string asWritten, string verdict)
    {
        var expected = Enum.Parse<KeyVerdict>(verdict);
        var written = System.Text.Encoding.UTF8.GetBytes(asWritten);
        var decoded = System.Text.Json.JsonDocument.Parse("\"" + asWritten + "\"").RootElement.GetString()!;

        Assert.Equal(expected, RedactionRules.Classify(written));
        Assert.Equal(RedactionRules.Classify(decoded), RedactionRules.Classify(written));
        if (!decoded.Contains('\\', StringComparison.Ordinal))
        {
            // As UTF-8 the decoded name reads as JSON as written, where a backslash would start an escape.
            Assert.Equal(RedactionRules.Classify(System.Text.Encoding.UTF8.GetBytes(decoded)), RedactionRules.Classify(written));
        }
    }

    [Theory]
    [InlineData("type", nameof(MemberRole.Type))]
    [InlineData("Type", nameof(MemberRole.Type))]
    [InlineData("TYPE", nameof(MemberRole.Type))]
    [InlineData("t\\u0079pe", nameof(MemberRole.Type))]
    [InlineData("name", nameof(MemberRole.Name))]
    [InlineData("Name", nameof(MemberRole.Name))]
    [InlineData("key", nameof(MemberRole.Name))]
    [InlineData("Key", nameof(MemberRole.Name))]
    [InlineData("parameterKey", nameof(MemberRole.Name))]
    [InlineData("ParameterKey", nameof(MemberRole.Name))]
    [InlineData("ParameterName", nameof(MemberRole.Name))]
    [InlineData("OptionName", nameof(MemberRole.Name))]
    [InlineData("variableName", nameof(MemberRole.Name))]
    [InlineData("variable_name", nameof(MemberRole.Name))]
    [InlineData("na\\u006de", nameof(MemberRole.Name))]
    [InlineData("value", nameof(MemberRole.Value))]
    [InlineData("Value", nameof(MemberRole.Value))]
    [InlineData("parameterValue", nameof(MemberRole.Value))]
    [InlineData("ParameterValue", nameof(MemberRole.Value))]
    [InlineData("ResolvedValue", nameof(MemberRole.Value))]
    [InlineData("valueFrom", nameof(MemberRole.None))]   // ECS secrets: a reference (ARN), shown
    [InlineData("values", nameof(MemberRole.None))]
    [InlineData("userName", nameof(MemberRole.None))]
    [InlineData("keyName", nameof(MemberRole.None))]
    [InlineData("tagKey", nameof(MemberRole.None))]
    public void Members_that_speak_for_their_siblings(string key, string role) =>
        Assert.Equal(Enum.Parse<MemberRole>(role), RedactionRules.Role(System.Text.Encoding.UTF8.GetBytes(key)));

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
