namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// One crafted pattern and one event detail, with the answer EventBridge's documentation gives. The event is the
/// detail wrapped in an envelope from source "aws.crafted", detail-type "Crafted Event" (see <see cref="Envelope"/>).
/// </summary>
/// <param name="MotoDeviates">Why moto's engine answers otherwise, when it does; such a case is left out of the comparison with moto.</param>
public sealed record MatchCase(string Name, string Pattern, string Detail, bool Expected, string? MotoDeviates = null)
{
    public const string Source = "aws.crafted";
    public const string DetailType = "Crafted Event";

    public string Envelope =>
        $$"""{"version":"0","id":"00000000-0000-4000-8000-000000000000","detail-type":"{{DetailType}}","source":"{{Source}}","account":"123456789012","time":"2026-12-01T00:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::crafted-bucket"],"detail":{{Detail}}}""";

    public override string ToString() => Name;
}
