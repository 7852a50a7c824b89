using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// An <c>IpAddress aws:SourceIp</c> list is judged as the union of its ranges: many ranges of /8 (or IPv6 /16), or
/// IPv4-mapped IPv6 covering every IPv4 address, admit the internet even though no one range is wider than the limit.
/// </summary>
public sealed class AddressRangeUnionTests
{
    private static bool Public(IEnumerable<string> ranges)
    {
        var list = string.Join(",", ranges.Select(r => "\"" + r + "\""));
        using var parsed = JsonDocument.Parse("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":["""
            + list + "]}}}]}");
        return PolicyDocuments.OpensToEveryone(parsed.RootElement);
    }

    public static TheoryData<string[]> Open => new(
        Enumerable.Range(0, 256).Select(i => $"{i}.0.0.0/8").ToArray(),
        Enumerable.Range(1, 223).Where(i => i is not (10 or 127)).Select(i => $"{i}.0.0.0/8").ToArray(),
        ["8.0.0.0/8", "9.0.0.0/8"],
        ["0.0.0.0/8", "::/16"],
        ["::ffff:0:0/96"],
        Enumerable.Range(0, 2).Select(i => $"{0x2000 + i:x}::/16").ToArray(),
        Enumerable.Range(0, 8192).Select(i => $"{0x2000 + i:x}::/16").ToArray());

    [Theory]
    [MemberData(nameof(Open))]
    public void Ranges_that_together_cover_more_than_one_slash_8_or_slash_16_of_public_addresses_admit_everyone(string[] ranges) =>
        Assert.True(Public(ranges));

    public static TheoryData<string[]> Limited => new(
        ["8.0.0.0/8"],
        ["8.0.0.0/8", "8.0.0.0/9", "8.128.0.0/9", "8.8.8.8"],
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"],
        ["192.0.2.0/24", "198.51.100.7", "2001:db8::/32"],
        ["2001:db8::/16"],
        ["fc00::/7", "fe80::/10", "203.0.113.0/24"],
        Enumerable.Range(0, 64).Select(i => $"52.{i}.0.0/16").ToArray());

    [Theory]
    [MemberData(nameof(Limited))]
    public void Ranges_whose_public_union_is_no_more_than_one_slash_8_or_slash_16_still_limit(string[] ranges) =>
        Assert.False(Public(ranges));

    [Theory]
    [InlineData("s3pol-ip-all-slash8.json")]
    [InlineData("s3pol-ipv6-all.json")]
    public void The_reviews_bucket_policies_open_through_many_ranges_are_critical(string file)
    {
        // inputs22 of security review 22: Principal "*" with 256 IPv4 /8s, or IPv4-mapped IPv6 under ::/16.
        var path = Path.Combine(TestPaths.RepositoryRoot, "test", "CloudTrailNotifier.Tests", "Describing", "Inputs", file);
        var notification = new Notifier(RenderOptions.Default).Notify(File.ReadAllBytes(path));

        Assert.StartsWith("[CRITICAL]", notification.Subject, StringComparison.Ordinal);
        Assert.Contains("critical", Assert.Single(notification.Attributes, a => a.Name == "severity").Value, StringComparison.Ordinal);
    }
}
