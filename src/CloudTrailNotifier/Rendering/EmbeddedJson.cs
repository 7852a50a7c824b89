using System.Text.Json;

namespace CloudTrailNotifier.Rendering;

/// <summary>JSON documents a string value holds (policies and similar), which the details unfold.</summary>
internal static class EmbeddedJson
{
    /// <summary>Longest string that is unfolded.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>What <see cref="TryParse"/> could unfold: the right length, and "{" or "%7B" first (after white space).</summary>
    public static bool MayBe(ReadOnlySpan<char> text) =>
        text.Length is >= 2 and <= MaxChars
        && (text.StartsWith("%7B", StringComparison.OrdinalIgnoreCase) || text.TrimStart() is [ '{', .. ]);

    /// <summary>Policy documents and similar arrive as JSON inside a string, sometimes URL-encoded.</summary>
    public static bool TryParse(string text, out JsonDocument document, out bool urlEncoded)
    {
        document = null!;
        urlEncoded = false;
        if (text.Length is < 2 or > MaxChars)
        {
            return false;
        }

        var candidate = text;
        if (text.StartsWith("%7B", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                candidate = Uri.UnescapeDataString(text);
                urlEncoded = true;
            }
            catch (UriFormatException)
            {
                return false;
            }
        }

        var trimmed = candidate.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(candidate, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
