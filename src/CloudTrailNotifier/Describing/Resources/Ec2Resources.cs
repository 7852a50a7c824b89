using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// Finds EC2 ids (instances, volumes, snapshots, images, VPCs, subnets, security groups, network interfaces,
/// flow logs) wherever EC2 puts them in request parameters: plain fields, <c>*Set.items[]</c>,
/// <c>item[]</c>, <c>filterSet</c> values, <c>InstanceIds</c> and the XML-style <c>{"content":...}</c> of
/// <c>DeleteFlowLogs</c>. Document order, which puts the call's own object first.
/// </summary>
internal static class Ec2Resources
{
    private const int MaxDepth = 10;

    public static void Add(JsonElement parameters, Action<ResourceKind, string, string> add) => Walk(parameters, "requestParameters", 0, add);

    /// <summary>The kind an EC2 id names by its prefix (<c>snap-0123abcd</c>), or null when it is not one.</summary>
    public static ResourceKind? KindOf(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || (value.Length - dash - 1) is not (8 or 17) || value.AsSpan(dash + 1).ContainsAnyExcept("0123456789abcdef"))
        {
            return null;
        }

        return value[..dash] switch
        {
            "i" => ResourceKind.Instance,
            "vol" => ResourceKind.Volume,
            "snap" => ResourceKind.Snapshot,
            "ami" => ResourceKind.Image,
            "vpc" => ResourceKind.Vpc,
            "subnet" => ResourceKind.Subnet,
            "sg" => ResourceKind.SecurityGroup,
            "eni" => ResourceKind.NetworkInterface,
            "fl" => ResourceKind.FlowLog,
            _ => null,
        };
    }

    /// <summary>The longest text <see cref="KindOf"/> accepts: <c>subnet-</c> and 17 hex digits.</summary>
    private const int MaxIdLength = 24;

    /// <summary>Longer than any name <see cref="KindOfField"/> or <see cref="IsContainer"/> knows.</summary>
    private const int MaxKnownNameLength = 32;

    /// <summary>Fields that name an EC2 object whatever the value looks like.</summary>
    private static ResourceKind? KindOfField(ReadOnlySpan<char> name) => name switch
    {
        "instanceId" or "InstanceIds" => ResourceKind.Instance,
        "snapshotId" => ResourceKind.Snapshot,
        "imageId" => ResourceKind.Image,
        "volumeId" => ResourceKind.Volume,
        "vpcId" => ResourceKind.Vpc,
        "subnetId" => ResourceKind.Subnet,
        "groupId" => ResourceKind.SecurityGroup,
        "networkInterfaceId" => ResourceKind.NetworkInterface,
        _ => null,
    };

    /// <summary>Wrappers whose contents keep the enclosing field's name as their source.</summary>
    private static bool IsContainer(ReadOnlySpan<char> name) => name is "items" or "item" or "content" or "value" or "valueSet";

    /// <summary>
    /// True when a string property can add nothing, decided on its raw bytes so that neither its name nor its value
    /// is allocated: no field kind applies and the value cannot be an id (no dash, or too long). Escaped names or
    /// values are never decided here.
    /// </summary>
    private static bool AddsNothing(JsonProperty property, string source)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Contains((byte)'\\') || !CannotBeId(property.Value))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxKnownNameLength];
        ReadOnlySpan<char> name = raw.Length <= MaxKnownNameLength ? buffer[..Encoding.UTF8.GetChars(raw, buffer)] : [];
        return KindOfField(IsContainer(name) ? source.AsSpan() : name) is null;
    }

    /// <summary>True when a string value's raw bytes show <see cref="KindOf"/> would refuse it.</summary>
    private static bool CannotBeId(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var text = raw.Length >= 2 ? raw[1..^1] : raw;
        return !text.Contains((byte)'\\') && (text.Length > MaxIdLength || !text.Contains((byte)'-'));
    }

    private static void Walk(JsonElement value, string source, int depth, Action<ResourceKind, string, string> add)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && AddsNothing(property, source))
                    {
                        continue;
                    }

                    var name = JsonFields.Name(property);
                    Walk(property.Value, IsContainer(name) ? source : name, depth + 1, add);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, source, depth + 1, add);
                }

                break;
            case JsonValueKind.String when JsonFields.Scalar(value) is { } text && (KindOfField(source) ?? KindOf(text)) is { } kind:
                add(kind, text, source);
                break;
        }
    }
}
