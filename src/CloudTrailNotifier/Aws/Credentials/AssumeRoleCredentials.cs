using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;
using Amazon.SecurityToken;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// A role assumed with STS AssumeRole, signed with the source profile's credentials, refreshed before it expires.
/// The SDK's own AssumeRoleAWSCredentials asks the process-wide registry for its STS client and cannot pass the
/// source credentials to it; building the client here, from the source we resolved, is what makes assume-role
/// profiles work under Native AOT. The call itself is the SDK's (<see cref="ICoreAmazonSTS"/>).
/// </summary>
internal sealed class AssumeRoleCredentials : RefreshingAWSCredentials
{
    private readonly AWSCredentials _source;
    private readonly string _roleArn;
    private readonly string _sessionName;
    private readonly AssumeRoleAWSCredentialsOptions _options;
    private readonly RegionEndpoint _region;
    private readonly string _profile;

    public AssumeRoleCredentials(AWSCredentials source, string roleArn, string sessionName, AssumeRoleAWSCredentialsOptions options, RegionEndpoint region, string profile)
    {
        _source = source;
        _roleArn = roleArn;
        _sessionName = sessionName;
        _options = options;
        _region = region;
        _profile = profile;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        // AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL are honoured by the client config itself.
        using var client = new AmazonSecurityTokenServiceClient(_source, new AmazonSecurityTokenServiceConfig { RegionEndpoint = _region });
        try
        {
            var credentials = await ((ICoreAmazonSTS)client)
                .CredentialsFromAssumeRoleAuthenticationAsync(_roleArn, _sessionName, _options).ConfigureAwait(false);
            return new CredentialsRefreshState(credentials, credentials.Expiration);
        }
        catch (Exception ex) when ((ex as AmazonServiceException ?? ex.InnerException as AmazonServiceException) is { } refusal)
        {
            // The SDK wraps STS's answer in "Error calling AssumeRole for role ..."; the answer is what helps.
            throw new CredentialsProblem(
                $"profile '{_profile}' could not assume role {_roleArn}: STS answered {refusal.ErrorCode ?? refusal.StatusCode.ToString()}: {refusal.Message}", ex);
        }
        catch (CredentialsProblem ex)
        {
            throw new CredentialsProblem($"profile '{_profile}' could not assume role {_roleArn}, because its source failed: {ex.Message}", ex);
        }
    }
}
