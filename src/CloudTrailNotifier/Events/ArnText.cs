namespace CloudTrailNotifier.Events;

/// <summary>
/// The parts of an ARN as CloudTrail writes it, <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>: the one
/// splitter the describing code uses. Lenient like the rest of the event access: five parts are enough (the
/// resource is then empty), and nothing is checked beyond the <c>arn:</c> prefix.
/// </summary>
internal readonly record struct ArnText(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? value, out ArnText arn)
    {
        arn = default;
        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value.Split(':', 6);
        if (parts.Length < 5)
        {
            return false;
        }

        arn = new ArnText(parts[1], parts[2], parts[3], parts[4], parts.Length == 6 ? parts[5] : string.Empty);
        return true;
    }
}
