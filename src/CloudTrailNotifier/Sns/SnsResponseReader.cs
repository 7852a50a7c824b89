using System.Text;

namespace CloudTrailNotifier.Sns;

/// <summary>Reads the two XML shapes SNS answers with: <c>PublishResponse</c> and <c>ErrorResponse</c>.</summary>
internal static class SnsResponseReader
{
    /// <summary>Larger answers are not SNS's; they are not searched.</summary>
    private const int MaxBody = 1024 * 1024;

    /// <summary>The MessageId of a successful Publish, or null when the body does not carry one.</summary>
    public static string? ReadMessageId(byte[] body) => NullIfBlank(Find(body, "PublishResult", "MessageId"));

    /// <summary>The Code and Message of an error response; either is null when absent or unreadable.</summary>
    public static (string? Code, string? Message) ReadError(byte[] body) =>
        (NullIfBlank(Find(body, "Error", "Code")), NullIfBlank(Find(body, "Error", "Message")));

    private static string? Find(byte[] body, string parent, string element)
    {
        if (body.Length is 0 or > MaxBody)
        {
            return null;
        }

        // Not UTF-8 (a proxy's page in some other encoding): the caller falls back to the HTTP status.
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
            return XmlElementText.Find(text.TrimStart('\uFEFF'), parent, element);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? NullIfBlank(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
