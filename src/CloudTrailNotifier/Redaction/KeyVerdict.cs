namespace CloudTrailNotifier.Redaction;

/// <summary>What a key's name says about its value.</summary>
internal enum KeyVerdict
{
    /// <summary>Nothing either way: shown, unless it sits inside a secret.</summary>
    Neutral,

    /// <summary>The value is a secret: redacted.</summary>
    Secret,

    /// <summary>An identifier or a setting a responder needs: shown, even inside a secret.</summary>
    Kept,
}
