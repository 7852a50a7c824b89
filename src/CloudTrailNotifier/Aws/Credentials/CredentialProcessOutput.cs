using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// Reads what a <c>credential_process</c> prints: <c>{"Version": 1, "AccessKeyId", "SecretAccessKey",
/// "SessionToken"?, "Expiration"? (ISO 8601)}</c>. Pure; every failure is a sentence that never quotes the output,
/// which holds secrets.
/// </summary>
internal static class CredentialProcessOutput
{
    public static (ImmutableCredentials Credentials, DateTime Expiration) Parse(string output)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException)
        {
            throw new FormatException("it printed something that is not JSON (expected {\"Version\": 1, \"AccessKeyId\": ...})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it printed JSON that is not an object (expected {\"Version\": 1, \"AccessKeyId\": ...})");
            }

            if (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
            {
                throw new FormatException("its output has no \"Version\": 1, the only version there is");
            }

            var accessKey = Text(root, "AccessKeyId") ?? throw new FormatException("its output has no AccessKeyId");
            var secretKey = Text(root, "SecretAccessKey") ?? throw new FormatException("its output has no SecretAccessKey");
            var token = Text(root, "SessionToken");
            var expiration = DateTime.MaxValue;
            if (Text(root, "Expiration") is { } expirationText)
            {
                if (!DateTimeOffset.TryParse(expirationText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    throw new FormatException("its Expiration is not an ISO 8601 time");
                }

                expiration = parsed.UtcDateTime;
            }

            return (new ImmutableCredentials(accessKey, secretKey, token), expiration);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
