namespace CloudTrailNotifier.Redaction;

/// <summary>What a key's name says about its value.</summary>
internal enum KeyVerdict
{
    /// <summary>Nothing either way: shown, unless it sits inside a secret.</summary>
    Neutral,

    /// <summary>The value is a secret: redacted.</summary>
    Secret,

    /// <summary>
    /// A string or number here is a secret (Cognito's <c>Session</c>, <c>dbPass</c>); an object or array is judged as under
    /// a neutral key (Glue's <c>Session</c> describes a job session, a Step Functions state may be named <c>SinglePass</c>).
    /// </summary>
    SecretScalar,

    /// <summary>An identifier or a setting a responder needs: shown, even inside a secret.</summary>
    Kept,
}
