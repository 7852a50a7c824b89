using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace CloudTrailNotifier.Aws;

/// <summary>
/// Tells AWSSDK.Core how to build the STS, SSO and SSO OIDC clients its credential providers need (web identity,
/// SSO profiles and their token refresh). Without a JIT the SDK cannot load those clients by reflection, so under
/// Native AOT it asks <see cref="GlobalRuntimeDependencyRegistry"/> instead.
/// </summary>
/// <remarks>
/// The registry is process-wide by the SDK's design: the providers that consult it are created deep inside the
/// SDK's own credential chain, which takes no per-call configuration, so there is nowhere else to hand them a
/// factory. That is why <see cref="Register"/> is called exactly once, from the composition root (Program.cs),
/// before either face runs, and nowhere else. The factories keep no state: each builds a new client from the
/// context the SDK passes, so registering is idempotent and needs no clean-up.
/// </remarks>
internal static class AwsRuntimeDependencies
{
    public static void Register(GlobalRuntimeDependencyRegistry registry)
    {
        // The SDK asks for STS with Action = AssumeRoleAWSCredentials both for web identity and for assume-role
        // profiles, and gives no source credentials. AssumeRoleWithWebIdentity is an unsigned call, so anonymous
        // credentials are right for it; assume-role profiles never reach this factory, because
        // ProfileCredentials resolves their source itself and builds its own signed client (AssumeRoleCredentials).
        registry.RegisterSecurityTokenServiceClient(context =>
        {
            var data = context.SecurityTokenServiceClientContextData;
            var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy)
            {
                config.SetWebProxy(proxy);
            }

            return new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
        });

        // GetRoleCredentials and the OIDC token calls carry the SSO access token themselves; they are not signed.
        registry.RegisterSSOClient(context =>
        {
            var data = context.SSOClientContextData;
            var config = new AmazonSSOConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy)
            {
                config.SetWebProxy(proxy);
            }

            return new AmazonSSOClient(new AnonymousAWSCredentials(), config);
        });

        registry.RegisterSSOOIDCClient(context =>
        {
            var data = context.SSOOIDCClientContextData;
            var config = new AmazonSSOOIDCConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy)
            {
                config.SetWebProxy(proxy);
            }

            return new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), config);
        });
    }
}
