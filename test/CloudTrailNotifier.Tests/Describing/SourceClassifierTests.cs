using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Describing;

public class SourceClassifierTests
{
    [Theory]
    [InlineData("192.0.2.10", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.255", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("10.0.0.1", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.32.0.0", false)]
    [InlineData("192.168.1.2", true)]
    [InlineData("192.169.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.63.255.255", false)]
    [InlineData("100.128.0.0", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("172.01.01.001", false)]
    [InlineData("010.0.0.1", true)]
    public void Dotted_quads_are_IPv4_and_private_ranges_are_flagged(string value, bool isPrivate)
    {
        Assert.Equal(new SourceDescription(SourceKind.IPv4, value, isPrivate), SourceClassifier.Classify(value));
    }

    [Theory]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:db8:85a3::8a2e:370:7334", false)]
    [InlineData("2001:DB8:0:0:0:0:0:1", false)]
    [InlineData("2222:4444:bbbb:3333:aaaa:3333:5555:bbbb", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("febf:ffff::1", true)]
    [InlineData("fec0::1", false)]
    [InlineData("fd12:3456:789a::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("::", false)]
    [InlineData("::ffff:192.0.2.1", false)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("::ffff:100.64.0.1", true)]
    public void IPv6_addresses_are_IPv6_and_mapped_IPv4_ones_are_judged_by_their_IPv4_address(string value, bool isPrivate)
    {
        Assert.Equal(new SourceDescription(SourceKind.IPv6, value, isPrivate), SourceClassifier.Classify(value));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("123.456.789.012")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1.2.3.4:443")]
    [InlineData("192.0.2.0/24")]
    [InlineData("1..2.3")]
    [InlineData("1.2.3.")]
    [InlineData("0001.2.3.4")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.4 5")]
    [InlineData("[2001:db8::1]")]
    [InlineData("[2001:db8::1]:443")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/32")]
    [InlineData("2001:db8:::1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("gggg::1")]
    [InlineData(":")]
    [InlineData("XXXXXXXXXXX")]
    [InlineData("redacted")]
    [InlineData("-")]
    [InlineData("<Victim source IP>")]
    [InlineData("amazonaws.com")]
    [InlineData(".amazonaws.com")]
    [InlineData("evil..amazonaws.com")]
    [InlineData("-evil.amazonaws.com")]
    [InlineData("evil.amazonaws.com.attacker.example")]
    [InlineData("a b.amazonaws.com")]
    [InlineData("AWS Internal/x")]
    [InlineData("AWS Internals")]
    [InlineData("1.2.3.4\r\nSubject: forged")]
    public void Anything_that_is_not_strictly_an_address_or_an_AWS_name_is_other(string value)
    {
        Assert.Equal(new SourceDescription(SourceKind.Other, value, false), SourceClassifier.Classify(value));
    }

    [Theory]
    [InlineData("secretsmanager.amazonaws.com")]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("cloudformation.amazonaws.com")]
    [InlineData("workmail.eu-west-1.amazonaws.com")]
    [InlineData("eks-nodegroup.amazonaws.com")]
    [InlineData("ec2.amazonaws.com.cn")]
    [InlineData("Lambda.AmazonAWS.com")]
    public void AWS_service_host_names_are_AWS_services(string value)
    {
        Assert.Equal(new SourceDescription(SourceKind.AwsService, value, false), SourceClassifier.Classify(value));
    }

    [Theory]
    [InlineData("AWS Internal")]
    [InlineData("AWS Internal/3")]
    [InlineData("AWS Internal/12")]
    [InlineData("aws internal")]
    public void AWS_Internal_with_or_without_a_number_is_AWS_internal(string value)
    {
        Assert.Equal(new SourceDescription(SourceKind.AwsInternal, value, false), SourceClassifier.Classify(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void Null_empty_and_blank_are_missing(string? value)
    {
        Assert.Equal(new SourceDescription(SourceKind.Missing, null, false), SourceClassifier.Classify(value));
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed_from_the_address()
    {
        Assert.Equal(new SourceDescription(SourceKind.IPv4, "10.1.2.3", true), SourceClassifier.Classify("  10.1.2.3\n"));
    }

    [Fact]
    public void A_long_value_is_cut_to_the_address_limit_with_an_ellipsis()
    {
        var source = SourceClassifier.Classify(new string('x', 10_000));

        Assert.Equal(SourceKind.Other, source.Kind);
        Assert.Equal(DescriptionText.MaxAddressLength, source.Address!.Length);
        Assert.EndsWith("\u2026", source.Address, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_a_long_value_never_splits_a_surrogate_pair()
    {
        var value = new string('x', DescriptionText.MaxAddressLength - 2) + "\U0001F600\U0001F600";

        var address = SourceClassifier.Classify(value).Address!;

        Assert.False(char.IsHighSurrogate(address[^2]));
        Assert.True(address.Length <= DescriptionText.MaxAddressLength);
    }

    [Fact]
    public void An_untrimmed_IPv4_address_is_returned_without_a_new_string()
    {
        const string value = "203.0.113.7";

        Assert.Same(value, SourceClassifier.Classify(value).Address);
    }

    [Fact]
    public void Classifying_an_IPv4_address_allocates_nothing()
    {
        const string value = "198.51.100.23";
        SourceClassifier.Classify(value);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SourceClassifier.Classify(value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Property(MaxTest = 2000)]
    public void Every_parsable_IPv4_address_is_IPv4_and_round_trips(byte a, byte b, byte c, byte d)
    {
        var value = $"{a}.{b}.{c}.{d}";

        var source = SourceClassifier.Classify(value);

        var expectedPrivate = a == 10 || (a == 172 && b is >= 16 and <= 31) || (a == 192 && b == 168)
            || (a == 100 && b is >= 64 and <= 127) || a == 127 || (a == 169 && b == 254);
        Assert.Equal(new SourceDescription(SourceKind.IPv4, value, expectedPrivate), source);
    }

    [Property(MaxTest = 2000)]
    public void Any_string_classifies_without_throwing_into_a_bounded_address(NonNull<string> value)
    {
        var source = SourceClassifier.Classify(value.Get);

        Assert.True(source.Address is null || source.Address.Length <= DescriptionText.MaxAddressLength);
        Assert.True(source.Kind != SourceKind.Missing || source.Address is null);
    }

    [Fact]
    public void Every_source_address_in_the_corpus_classifies_into_a_bounded_address()
    {
        var values = Corpus.DetailStrings("sourceIPAddress");
        Assert.NotEmpty(values);

        var counts = new Dictionary<SourceKind, int>();
        foreach (var (source, value) in values)
        {
            var description = SourceClassifier.Classify(value);
            counts[description.Kind] = counts.GetValueOrDefault(description.Kind) + 1;
            Assert.True(description.Address is null || description.Address.Length <= DescriptionText.MaxAddressLength, source);
            if (value.Contains(':', StringComparison.Ordinal))
            {
                Assert.True(description.Kind == SourceKind.IPv6, $"{source}: {value}");
            }
        }

        // The corpus has all of these shapes; if one kind vanished, the classifier broke.
        Assert.All(
            new[] { SourceKind.IPv4, SourceKind.IPv6, SourceKind.AwsService, SourceKind.AwsInternal, SourceKind.Other, SourceKind.Missing },
            kind => Assert.True(counts.GetValueOrDefault(kind) > 0, kind.ToString()));
    }
}
