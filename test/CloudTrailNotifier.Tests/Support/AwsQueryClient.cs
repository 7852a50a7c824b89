using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Just enough of the AWS Query protocol (IAM, SNS, SQS) to set up and inspect moto from tests:
/// a signed form POST, the XML answer as an XDocument, an error as <see cref="AwsQueryException"/>.
/// </summary>
internal sealed class AwsQueryClient(HttpClient http, Uri endpoint, AWSCredentials credentials, string region = "us-east-1")
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public async Task<XDocument> CallAsync(string service, string action, string version, params (string Name, string Value)[] parameters)
    {
        var form = new StringBuilder($"Action={action}&Version={version}");
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var body = Encoding.UTF8.GetBytes(form.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        await SigV4Signer.SignAsync(request, body, ContentType, credentials, region, service, DateTimeOffset.UtcNow, CancellationToken.None);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var document = XDocument.Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            throw new AwsQueryException(First(document, "Code") ?? $"HTTP {(int)response.StatusCode}", First(document, "Message") ?? text);
        }

        return document;
    }

    /// <summary>The text of the first element with this local name, anywhere in the document.</summary>
    public static string? First(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public static IEnumerable<string> All(XDocument document, string localName) =>
        document.Descendants().Where(e => e.Name.LocalName == localName).Select(e => e.Value);
}

internal sealed class AwsQueryException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}
