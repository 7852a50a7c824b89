using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// For services without a known shape: the request parameter most likely to name the call's object. ARNs
/// and identifiers rank above names and ids; attributes, tokens, request ids, account ids, numbers and
/// placeholders such as <c>-</c> never count.
/// </summary>
internal static class GenericResource
{
    private static readonly string[] NotAnObject =
    [
        "accountId", "awsAccountId", "AccountId", "requestId", "clientToken", "clientRequestToken", "nextToken",
        "NextToken", "id", "Id", "attribute", "attributeName", "attributeType", "Policy", "policy", "policyName",
        "versionId", "versionStage", "regionName", "Host", "maxResults", "MaxResults",
    ];

    public static (string Name, string Value)? Best(JsonElement parameters)
    {
        (string Name, string Value)? best = null;
        var bestScore = 0;
        foreach (var property in parameters.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || JsonFields.Scalar(property.Value) is not { } value)
            {
                continue;
            }

            var name = JsonFields.Name(property);

            var score = Score(name, value);
            if (score > bestScore)
            {
                (best, bestScore) = ((name, value), score);
            }
        }

        return best;
    }

    /// <summary>0 for "not the object", higher for likelier.</summary>
    public static int Score(string name, string value)
    {
        if (((ReadOnlySpan<string>)NotAnObject).Contains(name) || value is "-" or "*" || AccountIds.IsAccountId(value)
            || !value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return 0;
        }

        if (name.EndsWith("Arn", StringComparison.Ordinal) || name.EndsWith("ARN", StringComparison.Ordinal) || name is "arn" or "resourceArn"
            || name.EndsWith("Identifier", StringComparison.Ordinal))
        {
            return 4;
        }

        if (name.EndsWith("Name", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal) || name is "name")
        {
            return 3;
        }

        return name is "bucket" or "key" or "resource" ? 2 : 0;
    }
}
