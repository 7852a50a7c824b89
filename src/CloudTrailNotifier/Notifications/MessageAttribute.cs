namespace CloudTrailNotifier.Notifications;

/// <summary>An SNS message attribute of data type <c>String</c>.</summary>
internal readonly record struct MessageAttribute(string Name, string Value)
{
    public const string DataType = "String";
}
