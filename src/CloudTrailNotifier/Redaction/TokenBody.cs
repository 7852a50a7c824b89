namespace CloudTrailNotifier.Redaction;

/// <summary>The characters a token's body may hold, by kind (<see cref="TextTokens"/>).</summary>
internal enum TokenBody
{
    /// <summary>Letters and digits.</summary>
    Alphanumeric,

    /// <summary>Letters, digits and <c>_</c>.</summary>
    Word,

    /// <summary>Letters, digits, <c>_</c> and <c>-</c> (base64url).</summary>
    UrlSafe,

    /// <summary>Base64url parts joined by dots (SendGrid <c>SG.id.secret</c>): at least two dots' worth of parts.</summary>
    DottedParts,
}
