namespace CloudTrailNotifier.LogFiles;

/// <summary>An <c>s3://BUCKET/PREFIX</c> argument: a bucket and a key prefix (possibly empty).</summary>
internal sealed record S3Uri(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    /// <summary>Whether the argument names S3 at all (then it must parse, or the user gets a reason).</summary>
    public static bool Names(string argument) => argument.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string argument, out S3Uri? uri, out string? problem)
    {
        uri = null;
        problem = null;
        if (!Names(argument))
        {
            problem = $"not an s3:// address: '{argument}'";
            return false;
        }

        var rest = argument[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (!IsBucketName(bucket))
        {
            problem = $"'{bucket}' is not an S3 bucket name (letters, digits, dots, hyphens and underscores); write s3://BUCKET/PREFIX";
            return false;
        }

        uri = new S3Uri(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
        return true;
    }

    /// <summary>How an object is named in output and error lines.</summary>
    public string Display(string key) => $"{Scheme}{Bucket}/{key}";

    public override string ToString() => Display(Prefix);

    /// <summary>Lenient (old us-east-1 buckets may hold capitals and underscores); S3 itself says whether the bucket exists.</summary>
    private static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
