using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>How resources are named and linked: short names from ARNs, and which identifiers get a console link.</summary>
internal static class ResourceNames
{
    /// <summary>The name a person uses: the last ARN segment, without a secret's random suffix.</summary>
    public static string ShortName(ResourceKind kind, string identifier)
    {
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            return identifier;
        }

        switch (kind)
        {
            case ResourceKind.Secret:
                var marker = identifier.IndexOf(":secret:", StringComparison.Ordinal);
                if (marker < 0)
                {
                    return identifier;
                }

                var name = identifier[(marker + ":secret:".Length)..];
                return StripSecretSuffix(name);
            case ResourceKind.Parameter:
                var parameter = identifier.IndexOf(":parameter", StringComparison.Ordinal);
                return parameter < 0 ? identifier : identifier[(parameter + ":parameter".Length)..];
            case ResourceKind.Function:
                var function = identifier.IndexOf(":function:", StringComparison.Ordinal);
                if (function < 0)
                {
                    return identifier;
                }

                var rest = identifier[(function + ":function:".Length)..];
                var qualifier = rest.IndexOf(':', StringComparison.Ordinal);
                return qualifier < 0 ? rest : rest[..qualifier];
            case ResourceKind.Key when identifier.Contains(":alias/", StringComparison.Ordinal):
                return identifier[(identifier.IndexOf(":alias/", StringComparison.Ordinal) + 1)..];
            case ResourceKind.Bucket:
                var bucket = identifier.IndexOf(":::", StringComparison.Ordinal);
                return bucket < 0 || bucket + 3 >= identifier.Length ? identifier : identifier[(bucket + 3)..];
            default:
                // The last path segment (role/NAME, key/ID, table/NAME, instance/ID), else the last field.
                var slash = identifier.LastIndexOf('/');
                var colon = identifier.LastIndexOf(':');
                var cut = Math.Max(slash, colon);
                return cut < 0 || cut == identifier.Length - 1 ? identifier : identifier[(cut + 1)..];
        }
    }

    /// <summary>
    /// A full secret ARN ends in a hyphen and six random characters that are not part of the name. A partial
    /// ARN can end the same way (<c>prod/db-backup</c>), so only a suffix that looks random (lowercase mixed
    /// with uppercase or digits) is cut; when unsure, the name is shown as the caller wrote it.
    /// </summary>
    private static string StripSecretSuffix(string name)
    {
        if (name.Length <= 7 || name[^7] != '-')
        {
            return name;
        }

        bool lower = false, upperOrDigit = false;
        foreach (var c in name.AsSpan(name.Length - 6))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return name;
            }

            lower |= char.IsAsciiLetterLower(c);
            upperOrDigit |= !char.IsAsciiLetterLower(c);
        }

        return lower && upperOrDigit ? name[..^7] : name;
    }

    /// <summary>
    /// The console opens pages in the reader's own account: a resource whose ARN names another account gets
    /// no link (it would show a same-named resource of the wrong account), nor does a KMS alias.
    /// </summary>
    public static bool IsLinkable(ResourceKind kind, string identifier, string? recipientAccount)
    {
        if (kind == ResourceKind.Key && identifier.Contains("alias/", StringComparison.Ordinal))
        {
            return false;
        }

        if (recipientAccount is null || !ArnText.TryParse(identifier, out var arn))
        {
            return true;
        }

        return arn.Account.Length == 0 || arn.Account == "aws" || arn.Account == recipientAccount;
    }

    /// <summary>The region inside an ARN (<c>arn:aws:service:REGION:...</c>), when it has one.</summary>
    public static string? RegionOf(string identifier)
    {
        return ArnText.TryParse(identifier, out var arn) && ConsoleLinks.IsRegion(arn.Region) ? arn.Region : null;
    }
}
