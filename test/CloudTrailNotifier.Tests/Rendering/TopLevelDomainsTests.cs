using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>The top-level domains a dot is defanged before: every listed name is found, in any case; others are not.</summary>
public sealed class TopLevelDomainsTests
{
    private static readonly string[] Listed = TopLevelDomainNames.All.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_list_holds_its_count_of_distinct_lower_case_names()
    {
        Assert.Equal(TopLevelDomainNames.Count, Listed.Length);
        Assert.Equal(Listed.Length, Listed.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Listed, name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.Contains("xn--p1ai", Listed);
        Assert.Contains("рф", Listed);
    }

    [Fact]
    public void Every_listed_name_is_found_as_written_and_upper_cased()
    {
        Assert.All(Listed, name =>
        {
            Assert.True(TopLevelDomains.Instance.Contains(name), name);
            Assert.True(TopLevelDomains.Instance.Contains(name.ToUpperInvariant()), name);
        });
    }

    [Theory]
    [InlineData("com")]
    [InlineData("Amazon")]
    [InlineData("AWS")]
    [InlineData("co")]
    [InlineData("io")]
    [InlineData("zip")]
    [InlineData("みんな")]
    public void Well_known_domains_are_found(string name) => Assert.True(TopLevelDomains.Instance.Contains(name));

    [Theory]
    [InlineData("amazonaws")]
    [InlineData("json")]
    [InlineData("txt")]
    [InlineData("internal")]
    [InlineData("x86")]
    [InlineData("c")]
    [InlineData("")]
    [InlineData("comm")]
    [InlineData("co-")]
    public void Other_names_are_not(string name) => Assert.False(TopLevelDomains.Instance.Contains(name));

    [Fact]
    public void A_name_longer_than_any_domain_is_not_one() =>
        Assert.False(TopLevelDomains.Instance.Contains(new string('a', TopLevelDomains.MaxLength + 1)));
}
