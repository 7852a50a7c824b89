namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A SignatureDoesNotMatch answer in the shape AWS gives it, echoing the canonical request and the string to sign,
/// with the caller's security token inside: what must never reach an error line, a log or the Runtime API.
/// </summary>
internal static class EchoingSns
{
    public const string AccessKey = "ASIAECHOTEST";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEEchoedToken9b2Z0aGVzZXNzaW9uZmFrZWJ1dHNoYXBlZGxpa2VvbmU0MjQyNDI0Mg==";

    public static FakeSns.Answer SignatureDoesNotMatch => FakeSns.Error(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
        + "Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"
        + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:sns.us-east-1.amazonaws.com\nx-amz-date:20261201T100000Z\n"
        + $"x-amz-security-token:{SessionToken}\n\ncontent-type;host;x-amz-date;x-amz-security-token\n3a4f'\n\n"
        + "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20261201T100000Z\n20261201/us-east-1/sns/aws4_request\n9f2c'\n");

    /// <summary>An error that repeats the token with none of the words that mark signed material.</summary>
    public static FakeSns.Answer BareTokenEcho => FakeSns.Error(400, "InvalidParameter", $"Invalid parameter: value {SessionToken} was not expected");

    public static CloudTrailNotifier.Aws.AwsCredentialsSource Credentials => CloudTrailNotifier.Aws.AwsCredentialsSource.Fixed(AccessKey, SecretKey, SessionToken);

    /// <summary>Fragments of the token, the secret and the signed material, none of which may appear anywhere.</summary>
    public static IEnumerable<string> Forbidden =>
        [SessionToken, SessionToken[..24], SecretKey, "x-amz-security-token", "String-to-Sign", "Canonical String", "aws4_request"];
}
