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

    /// <summary>The score of a parameter named for the call's own noun (<c>clusterName</c> of CreateCluster): above every other.</summary>
    private const int CallNounScore = 5;

    /// <param name="parameters">The request parameters.</param>
    /// <param name="eventName">The call: a parameter named for its noun names its object (CreateCluster's <c>clusterName</c>,
    /// not the <c>iamRoleArn</c> the new cluster will use).</param>
    public static (string Name, string Value)? Best(JsonElement parameters, string? eventName = null)
    {
        var noun = GenericLabel.CallNoun(eventName);
        (string Name, string Value)? best = null;
        var bestScore = 0;
        foreach (var property in parameters.EnumerateObject())
        {
            // The name decides the score; the value can only veto it, so a value is made into a string only when its
            // name could beat the best so far (a policy document or a long list of names never is).
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var name = JsonFields.Name(property);
            var score = NameScore(name);
            if (score > 0 && noun is not null && GenericLabel.Stem(name).Equals(noun, StringComparison.OrdinalIgnoreCase))
            {
                score = CallNounScore;
            }

            if (score <= bestScore || JsonFields.Scalar(property.Value) is not { } value || !CanBeObject(value))
            {
                continue;
            }

            (best, bestScore) = ((name, value), score);
        }

        return best;
    }

    /// <summary>0 for "not the object", higher for likelier.</summary>
    public static int Score(string name, string value) => CanBeObject(value) ? NameScore(name) : 0;

    /// <summary>What the parameter's name says: 0 for "not the object", higher for likelier.</summary>
    private static int NameScore(string name)
    {
        if (((ReadOnlySpan<string>)NotAnObject).Contains(name))
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

    /// <summary>Placeholders, account ids and numbers never name the object.</summary>
    private static bool CanBeObject(string value) =>
        value is not ("-" or "*") && !AccountIds.IsAccountId(value) && value.AsSpan().ContainsAnyExceptInRange('0', '9');
}
