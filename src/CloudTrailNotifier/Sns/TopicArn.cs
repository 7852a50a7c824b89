namespace CloudTrailNotifier.Sns;

/// <summary>An SNS topic ARN, <c>arn:PARTITION:sns:REGION:ACCOUNT:NAME</c>; the region is where it is published and signed.</summary>
internal sealed record TopicArn(string Value, string Partition, string Region, string AccountId, string Name)
{
    public override string ToString() => Value;

    /// <summary>A FIFO topic (<c>NAME.fifo</c>): every publish needs a message group and a deduplication id.</summary>
    public bool IsFifo => Name.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>Parses and checks the shape of a topic ARN; <paramref name="error"/> says what is wrong in one line.</summary>
    public static bool TryParse(string? text, out TopicArn? arn, out string? error)
    {
        arn = null;
        var value = text?.Trim() ?? string.Empty;
        var parts = value.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sns")
        {
            error = $"'{value}' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)";
            return false;
        }

        if (!IsLowerName(parts[1]) || !IsLowerName(parts[3]))
        {
            error = $"'{value}' has no valid partition or region";
            return false;
        }

        if (parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit))
        {
            error = $"'{value}' has no valid 12-digit account ID";
            return false;
        }

        var name = parts[5].EndsWith(".fifo", StringComparison.Ordinal) ? parts[5][..^5] : parts[5];
        if (name.Length is 0 or > 256 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            error = $"'{value}' has no valid topic name";
            return false;
        }

        error = null;
        arn = new TopicArn(value, parts[1], parts[3], parts[4], parts[5]);
        return true;
    }

    private static bool IsLowerName(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
