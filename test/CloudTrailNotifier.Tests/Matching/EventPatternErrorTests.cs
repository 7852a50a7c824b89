using CloudTrailNotifier.Matching;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>A pattern EventBridge would refuse is refused with one line naming the place and the reason.</summary>
public sealed class EventPatternErrorTests
{
    [Theory]
    [InlineData("""{"detail":""", "not valid JSON at line 1")]
    [InlineData("""["source"]""", "an event pattern is a JSON object")]
    [InlineData("""{"source":"aws.s3"}""", "source: must be a list of values")]
    [InlineData("""{"source":[]}""", "source: an empty list matches nothing")]
    [InlineData("""{"source":[["aws.s3"]]}""", "source[0]: a list inside a list")]
    [InlineData("""{"detail":{"eventName":[{"contains":"Get"}]}}""", "detail.eventName[0]: unknown operator \"contains\"")]
    [InlineData("""{"detail":{"eventName":[{"prefix":"Get","suffix":"x"}]}}""", "detail.eventName[0]: an operator object has exactly one key")]
    [InlineData("""{"detail":{"eventName":[{}]}}""", "an empty object is not an operator")]
    [InlineData("""{"detail":{"eventName":[{"prefix":1}]}}""", "prefix takes a string")]
    [InlineData("""{"detail":{"eventName":[{"prefix":{"wildcard":"x"}}]}}""", "prefix takes a string or {\"equals-ignore-case\": string}")]
    [InlineData("""{"detail":{"eventName":[{"equals-ignore-case":["a"]}]}}""", "equals-ignore-case takes a string")]
    [InlineData("""{"detail":{"eventName":[{"wildcard":"a**b"}]}}""", "two * in a row")]
    [InlineData("""{"detail":{"eventName":[{"wildcard":"a\\b"}]}}""", "may only escape * or \\")]
    [InlineData("""{"detail":{"x":[{"anything-but":["a",1]}]}}""", "only strings or only numbers")]
    [InlineData("""{"detail":{"x":[{"anything-but":[]}]}}""", "anything-but's list is empty")]
    [InlineData("""{"detail":{"x":[{"anything-but":true}]}}""", "anything-but takes a string, a number")]
    [InlineData("""{"detail":{"x":[{"anything-but":{"numeric":[">",1]}}]}}""", "anything-but takes prefix, suffix")]
    [InlineData("""{"detail":{"x":[{"numeric":[">",1,">",2]}]}}""", "one lower and one upper bound at most")]
    [InlineData("""{"detail":{"x":[{"numeric":["=",1,"<",2]}]}}""", "numeric takes a list")]
    [InlineData("""{"detail":{"x":[{"numeric":[">","1"]}]}}""", "numeric takes a list")]
    [InlineData("""{"detail":{"x":[{"numeric":["~",1]}]}}""", "numeric takes a list")]
    [InlineData("""{"detail":{"x":[{"cidr":"10.0.0.0"}]}}""", "cidr takes an IP block")]
    [InlineData("""{"detail":{"x":[{"cidr":"10.0.0.0/33"}]}}""", "cidr takes an IP block")]
    [InlineData("""{"detail":{"x":[{"cidr":"10.1/8"}]}}""", "cidr takes an IP block")]
    [InlineData("""{"detail":{"x":[{"exists":"yes"}]}}""", "detail.x[0]: exists takes true or false")]
    [InlineData("""{"detail":{"$or":[{"a":["1"]}]}}""", "detail.$or: must be a list of at least two patterns")]
    [InlineData("""{"detail":{"$or":[{"a":["1"]},"b"]}}""", "detail.$or[1]: each alternative of $or must be an object")]
    [InlineData("""{"detail":{"$or":[{"a":["1"]},{"b":[]}]}}""", "detail.$or[1].b: an empty list")]
    [InlineData("""{"source":["a"],"source":["b"]}""", "source: the field is given twice")]
    [InlineData("""{"detail":{"x":[1e999]}}""", "the number is too large")]
    public void Refused_with_the_place_and_the_reason(string pattern, string expected)
    {
        var error = Assert.Throws<PatternException>(() => EventPattern.Parse(pattern));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_field_name_with_control_characters_is_named_safely()
    {
        var error = Assert.Throws<PatternException>(() => EventPattern.Parse("{\"a\\nb\\u001b[31m\":\"x\"}"));

        Assert.StartsWith("a?b?[31m: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_does_not_echo_the_text()
    {
        var error = Assert.Throws<PatternException>(() => EventPattern.Parse("""{"source": [sk-live-123]}"""));

        Assert.DoesNotContain("sk-live", error.Message, StringComparison.Ordinal);
    }
}
