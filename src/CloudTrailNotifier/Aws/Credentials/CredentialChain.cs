using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// Picks the credentials in the SDK v4 order (environment keys, web identity, the profile, container and
/// instance), but resolves profiles itself where the SDK cannot under Native AOT or cannot say why it failed:
/// assume-role profiles (<c>role_arn</c> + <c>source_profile</c>, chained to any depth) get their source
/// credentials from us, and <c>credential_process</c> runs with a time limit. Every other profile (keys, SSO with
/// <c>sso_session</c> or the legacy keys, web identity) and every other source is the SDK's own code.
/// </summary>
internal sealed class CredentialChain(
    Func<string, string?> getVariable,
    ICredentialProfileSource profiles,
    Func<AWSCredentials> sdkDefaultChain,
    TimeProvider clock,
    TimeSpan timeout)
{
    private const int MaxRoleChain = 8;

    /// <summary>The credentials to use, not yet fetched: fetching happens when a request is signed.</summary>
    /// <exception cref="CredentialsProblem">The settings point at credentials that cannot exist.</exception>
    public GuardedCredentials Resolve()
    {
        if (Has("AWS_ACCESS_KEY_ID") && Has("AWS_SECRET_ACCESS_KEY"))
        {
            return Guard(sdkDefaultChain(), "the environment (AWS_ACCESS_KEY_ID)");
        }

        if (Has("AWS_WEB_IDENTITY_TOKEN_FILE") && Has("AWS_ROLE_ARN"))
        {
            return Guard(sdkDefaultChain(), $"web identity (AWS_WEB_IDENTITY_TOKEN_FILE for role {getVariable("AWS_ROLE_ARN")})");
        }

        var named = getVariable("AWS_PROFILE");
        var name = string.IsNullOrWhiteSpace(named) ? "default" : named.Trim();
        if (profiles.TryGetProfile(name, out var profile))
        {
            return Guard(FromProfile(profile, []), $"profile '{name}'");
        }

        if (!string.IsNullOrWhiteSpace(named))
        {
            throw new CredentialsProblem($"AWS_PROFILE names profile '{name}', which is in neither ~/.aws/config nor ~/.aws/credentials");
        }

        // Container and instance credentials, or the SDK's list of everything it tried.
        return Guard(sdkDefaultChain(), "the default credential chain");
    }

    /// <summary>The guard waits a little longer than a credential_process may run, so the helper's own, more precise error wins.</summary>
    private GuardedCredentials Guard(AWSCredentials credentials, string source) => new(credentials, source, timeout + TimeSpan.FromSeconds(5));

    private AWSCredentials FromProfile(CredentialProfile profile, List<string> chain)
    {
        var options = profile.Options;
        chain.Add(profile.Name);
        if (!string.IsNullOrEmpty(options.RoleArn) && !string.IsNullOrEmpty(options.SourceProfile))
        {
            return AssumeRole(profile, chain);
        }

        if (!string.IsNullOrEmpty(options.RoleArn) && !string.IsNullOrEmpty(options.CredentialSource))
        {
            throw new CredentialsProblem(
                $"profile '{profile.Name}' uses credential_source, which this tool does not support; use source_profile, or export credentials");
        }

        if (!string.IsNullOrEmpty(options.CredentialProcess) && string.IsNullOrEmpty(options.AccessKey))
        {
            return new CredentialProcessCredentials(options.CredentialProcess, profile.Name, timeout);
        }

        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(profile, profiles);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or AmazonClientException)
        {
            throw new CredentialsProblem($"profile '{profile.Name}' cannot give credentials: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
    }

    private AssumeRoleCredentials AssumeRole(CredentialProfile profile, List<string> chain)
    {
        var options = profile.Options;
        if (!string.IsNullOrEmpty(options.MfaSerial))
        {
            throw new CredentialsProblem(
                $"profile '{profile.Name}' needs an MFA code (mfa_serial), which this tool cannot ask for; export credentials first, e.g. with aws configure export-credentials");
        }

        AWSCredentials source;
        if (options.SourceProfile == profile.Name && !string.IsNullOrEmpty(options.AccessKey))
        {
            // A profile may name itself as its source when it also holds the keys (the AWS CLI allows it).
            source = new BasicAWSCredentials(options.AccessKey, options.SecretKey);
        }
        else if (chain.Contains(options.SourceProfile) || chain.Count > MaxRoleChain)
        {
            throw new CredentialsProblem($"profiles {string.Join(" -> ", chain)} -> {options.SourceProfile} name each other as source_profile in a loop");
        }
        else if (!profiles.TryGetProfile(options.SourceProfile, out var sourceProfile))
        {
            throw new CredentialsProblem($"profile '{profile.Name}' has source_profile '{options.SourceProfile}', which does not exist");
        }
        else
        {
            source = FromProfile(sourceProfile, chain);
        }

        var sessionName = string.IsNullOrWhiteSpace(options.RoleSessionName)
            ? $"CloudTrailNotifier-{clock.GetUtcNow().ToUnixTimeSeconds()}"
            : options.RoleSessionName;
        var assumeOptions = new AssumeRoleAWSCredentialsOptions { ExternalId = NullIfEmpty(options.ExternalID) };
        return new AssumeRoleCredentials(source, options.RoleArn, sessionName, assumeOptions, Region(profile), profile.Name);
    }

    /// <summary>Where STS is called: the environment's region, else the profile's, else us-east-1 (as the SDK does).</summary>
    private RegionEndpoint Region(CredentialProfile profile)
    {
        var name = getVariable("AWS_REGION") is { Length: > 0 } region ? region
            : getVariable("AWS_DEFAULT_REGION") is { Length: > 0 } fallback ? fallback
            : null;
        return name is not null ? RegionEndpoint.GetBySystemName(name) : profile.Region ?? RegionEndpoint.USEast1;
    }

    private bool Has(string name) => !string.IsNullOrEmpty(getVariable(name));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
