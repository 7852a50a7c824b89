using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Web identity, assume-role and SSO set-ups against a moto_server: a role moto lets publish, a HOME with the
/// profiles, and for SSO a loopback stand-in for the SSO portal's GetRoleCredentials that hands out credentials
/// moto issued. Each returns the environment the program under test runs with.
/// </summary>
internal sealed class CredentialScenarios(MotoServer moto, string home) : IAsyncDisposable
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*","Federated":"*"},"Action":["sts:AssumeRole","sts:AssumeRoleWithWebIdentity"]}]}""";
    private const string PublishPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public const string WebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl";

    private LoopbackHttpServer? _ssoPortal;
    private LoopbackHttpServer? _sts;

    /// <summary>What the STS stand-in was asked: action, role, session name, token, and whether it was signed.</summary>
    public List<string> StsRequests { get; } = [];

    /// <summary>What the SSO stand-in was asked (method, path and query, bearer token).</summary>
    public List<string> SsoRequests { get; } = [];

    public async Task<string> CreateRoleAsync(string name)
    {
        var client = moto.Client();
        var role = await client.CallAsync("iam", "CreateRole", "2010-05-08", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy));
        await client.CallAsync("iam", "PutRolePolicy", "2010-05-08", ("RoleName", name), ("PolicyName", "all"), ("PolicyDocument", PublishPolicy));
        return AwsQueryClient.First(role, "Arn")!;
    }

    public Dictionary<string, string> Base() => new()
    {
        ["HOME"] = home,
        ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_STS"] = moto.Endpoint.ToString(),
        ["AWS_REGION"] = MotoServer.Region,
    };

    /// <summary>
    /// AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, as in CI. moto with signature checks on cannot answer an unsigned
    /// AssumeRoleWithWebIdentity (it fails with HTTP 500), so a loopback STS answers it, recording what it was sent,
    /// with credentials moto itself issued for the role.
    /// </summary>
    public async Task<Dictionary<string, string>> WebIdentityAsync(string roleName)
    {
        var roleArn = await CreateRoleAsync(roleName);
        var issued = await moto.Client().CallAsync("sts", "AssumeRole", "2011-06-15", ("RoleArn", roleArn), ("RoleSessionName", "ci-run"));
        var answer = $"""
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials>
            <AccessKeyId>{AwsQueryClient.First(issued, "AccessKeyId")}</AccessKeyId><SecretAccessKey>{AwsQueryClient.First(issued, "SecretAccessKey")}</SecretAccessKey>
            <SessionToken>{AwsQueryClient.First(issued, "SessionToken")}</SessionToken><Expiration>{AwsQueryClient.First(issued, "Expiration")}</Expiration>
            </Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:ci-run</AssumedRoleId><Arn>arn:aws:sts::{MotoServer.AccountId}:assumed-role/{roleName}/ci-run</Arn></AssumedRoleUser>
            </AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>web-identity-1</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>
            """;
        _sts = LoopbackHttpServer.Start(async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            lock (StsRequests)
            {
                StsRequests.Add($"{form["Action"]} {form["RoleArn"]} {form["RoleSessionName"]} {form["WebIdentityToken"]} signed={context.Request.Headers["Authorization"] is not null}");
            }

            await LoopbackHttpServer.WriteAsync(context.Response, (int)HttpStatusCode.OK, answer);
        });

        var token = Path.Combine(home, "web-identity-token");
        await File.WriteAllTextAsync(token, WebIdentityToken);
        var variables = Base();
        variables["AWS_ENDPOINT_URL_STS"] = _sts.BaseUri.ToString();
        variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = token;
        variables["AWS_ROLE_ARN"] = roleArn;
        variables["AWS_ROLE_SESSION_NAME"] = "ci-run";
        return variables;
    }

    /// <summary><c>[profile deploy]</c> assumes a role with <c>source_profile = base</c>, whose keys are moto's user's.</summary>
    public async Task<Dictionary<string, string>> AssumeRoleProfileAsync(string roleName)
    {
        var roleArn = await CreateRoleAsync(roleName);
        WriteFile(".aws/credentials", $"[base]\naws_access_key_id = {moto.AccessKeyId}\naws_secret_access_key = {moto.SecretAccessKey}\n");
        WriteFile(".aws/config", $"[profile deploy]\nrole_arn = {roleArn}\nsource_profile = base\nrole_session_name = notifier-test\n");
        var variables = Base();
        variables["AWS_PROFILE"] = "deploy";
        return variables;
    }

    /// <summary>An SSO profile (<c>sso_session</c> form, or the legacy form) whose cached token is still valid.</summary>
    public async Task<Dictionary<string, string>> SsoProfileAsync(string roleName, bool legacy)
    {
        var issued = await moto.Client().CallAsync("sts", "AssumeRole", "2011-06-15",
            ("RoleArn", await CreateRoleAsync(roleName)), ("RoleSessionName", "sso-user"));
        var expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        var credentials = "{\"roleCredentials\":{"
            + $"\"accessKeyId\":\"{AwsQueryClient.First(issued, "AccessKeyId")}\",\"secretAccessKey\":\"{AwsQueryClient.First(issued, "SecretAccessKey")}\","
            + $"\"sessionToken\":\"{AwsQueryClient.First(issued, "SessionToken")}\",\"expiration\":{expiration}" + "}}";
        _ssoPortal = LoopbackHttpServer.Start(async (context, _) =>
        {
            lock (SsoRequests)
            {
                SsoRequests.Add($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery} {context.Request.Headers["x-amz-sso_bearer_token"]}");
            }

            await LoopbackHttpServer.WriteAsync(context.Response, (int)HttpStatusCode.OK, credentials, "application/json");
        });

        const string startUrl = "https://example.awsapps.com/start";
        var cacheKey = legacy ? startUrl : "corp";
        var expires = DateTimeOffset.UtcNow.AddHours(8).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        WriteFile($".aws/sso/cache/{Sha1(cacheKey)}.json",
            $$"""{"startUrl":"{{startUrl}}","region":"us-east-1","accessToken":"cached-sso-access-token","expiresAt":"{{expires}}"}""");
        WriteFile(".aws/config", legacy
            ? $"[profile sso]\nsso_start_url = {startUrl}\nsso_region = us-east-1\nsso_account_id = {MotoServer.AccountId}\nsso_role_name = {roleName}\n"
            : $"[profile sso]\nsso_session = corp\nsso_account_id = {MotoServer.AccountId}\nsso_role_name = {roleName}\n\n[sso-session corp]\nsso_start_url = {startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
        var variables = Base();
        variables["AWS_PROFILE"] = "sso";
        variables["AWS_ENDPOINT_URL_SSO"] = _ssoPortal.BaseUri.ToString();
        return variables;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ssoPortal is not null)
        {
            await _ssoPortal.DisposeAsync();
        }

        if (_sts is not null)
        {
            await _sts.DisposeAsync();
        }
    }

    private void WriteFile(string relative, string content)
    {
        var path = Path.Combine(home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
