namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// User agents that are not programs but AWS itself: service host names (<c>lambda.amazonaws.com</c>,
/// <c>console.ec2.amazonaws.com</c>, <c>signin.amazonaws.com</c>) and console front ends that name themselves
/// (<c>AWSConsole</c>, <c>S3Console/0.4</c>). Pure; part of <see cref="UserAgentClassifier"/>.
/// </summary>
internal static class AwsClientMarkers
{
    public static bool IsHostName(ReadOnlySpan<char> text) =>
        text.Length <= DescriptionText.MaxNameLength
        && text.IndexOf('.') > 0
        && DescriptionText.IsAsciiWord(text, ".-")
        && (text.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || text.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase)
            || text.EndsWith(".aws.amazon.com", StringComparison.OrdinalIgnoreCase));

    public static ClientDescription ClassifyHost(ReadOnlySpan<char> host)
    {
        var firstLabel = host[..host.IndexOf('.')];
        if (firstLabel.Equals("console", StringComparison.OrdinalIgnoreCase))
        {
            // console.amazonaws.com, console.aws.amazon.com, console.ec2.amazonaws.com
            var rest = host[(firstLabel.Length + 1)..];
            var part = rest[..rest.IndexOf('.')];
            var service = part.IsEmpty || part.Equals("amazonaws", StringComparison.OrdinalIgnoreCase) || part.Equals("aws", StringComparison.OrdinalIgnoreCase)
                ? null
                : part.ToString();
            return new ClientDescription(ClientKind.ConsoleBrowser, UserAgentClassifier.ConsoleName, null, service);
        }

        if (firstLabel.Equals("signin", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientDescription(ClientKind.ConsoleBrowser, UserAgentClassifier.ConsoleName, null, "AWS Sign-In");
        }

        if (firstLabel.Equals("cloudformation", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientDescription(ClientKind.CloudFormation, "AWS CloudFormation", null, null);
        }

        return new ClientDescription(ClientKind.AwsService, host.ToString(), null, null);
    }

    /// <summary>Console front ends that name themselves: <c>AWSConsole</c>, <c>S3Console/0.4</c>, <c>EC2ConsoleBackend</c>.</summary>
    public static ClientDescription? ConsoleMarker(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(" /,");
        var product = end < 0 ? text : text[..end];
        var at = product.IndexOf("Console", StringComparison.Ordinal);
        if (at < 0 || product.Length > 32 || !DescriptionText.IsAsciiWord(product, default))
        {
            return null;
        }

        var rest = product[(at + "Console".Length)..];
        if (!rest.IsEmpty && !rest.Equals("Backend", StringComparison.Ordinal))
        {
            return null;
        }

        // Only "AWSConsole" or an upper-case service code ("S3Console", "EC2ConsoleBackend"): "MyConsole/1.0" is someone else's.
        var service = product[..at];
        if (service.IsEmpty || service.Length > 12 || !IsUpperCaseCode(service))
        {
            return null;
        }

        return new ClientDescription(ClientKind.ConsoleBrowser, UserAgentClassifier.ConsoleName, null, service is "AWS" ? null : service.ToString());
    }

    private static bool IsUpperCaseCode(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
