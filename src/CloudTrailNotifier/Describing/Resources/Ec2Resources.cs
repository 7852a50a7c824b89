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

    /// <summary>Fields that name an EC2 object whatever the value looks like.</summary>
    private static ResourceKind? KindOfField(string name) => name switch
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
                    var name = JsonFields.Name(property);
                    Walk(property.Value, name is "items" or "item" or "content" or "value" or "valueSet" ? source : name, depth + 1, add);
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
