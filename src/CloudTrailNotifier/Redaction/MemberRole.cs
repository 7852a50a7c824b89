namespace CloudTrailNotifier.Redaction;

/// <summary>
/// What a member says about its siblings: in <c>{"name": "DB_PASSWORD", "value": "..."}</c> and
/// <c>{"type": "SecureString", "value": "..."}</c> the value's key is neutral, and the name or the type tells it is secret.
/// </summary>
internal enum MemberRole
{
    /// <summary>Nothing about its siblings.</summary>
    None,

    /// <summary>An SSM parameter's <c>type</c>: <c>SecureString</c> makes the value members secret.</summary>
    Type,

    /// <summary>A name in a name/value list (<c>name</c>, <c>parameterKey</c>...): a secret-looking name makes the value members secret.</summary>
    Name,

    /// <summary>The value of a name/value list or a parameter (<c>value</c>, <c>parameterValue</c>...).</summary>
    Value,

    /// <summary>
    /// An object of encryption settings (Elastic Transcoder <c>encryption</c>, <c>thumbnailEncryption</c>,
    /// <c>hlsContentProtection</c>, <c>playReadyDrm</c>): its member <c>key</c> is the data key itself.
    /// </summary>
    Encryption,
}
