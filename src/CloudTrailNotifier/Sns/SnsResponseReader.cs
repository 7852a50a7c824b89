using System.Xml;

namespace CloudTrailNotifier.Sns;

/// <summary>Reads the two XML shapes SNS answers with: <c>PublishResponse</c> and <c>ErrorResponse</c>.</summary>
internal static class SnsResponseReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 1024 * 1024,
    };

    /// <summary>The MessageId of a successful Publish, or null when the body does not carry one.</summary>
    public static string? ReadMessageId(byte[] body)
    {
        var id = ReadFirst(body, "MessageId", "PublishResult")?.Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>The Code and Message of an error response; either is null when absent or unreadable.</summary>
    public static (string? Code, string? Message) ReadError(byte[] body)
    {
        var code = ReadFirst(body, "Code", "Error")?.Trim();
        var message = ReadFirst(body, "Message", "Error")?.Trim();
        return (string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(message) ? null : message);
    }

    /// <summary>The text of the first <paramref name="element"/> directly inside a <paramref name="parent"/> element.</summary>
    private static string? ReadFirst(byte[] body, string element, string parent)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            var insideParent = false;
            var parentDepth = -1;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == parent)
                {
                    insideParent = true;
                    parentDepth = reader.Depth;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
                {
                    insideParent = false;
                }
                else if (insideParent && reader.NodeType == XmlNodeType.Element
                    && reader.Depth == parentDepth + 1 && reader.LocalName == element)
                {
                    return reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString();
                }
            }
        }
        catch (XmlException)
        {
            // Not XML (a proxy's HTML page, a truncated body): the caller falls back to the HTTP status.
        }

        return null;
    }
}
