using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>One real event changed in one hostile way; <see cref="Apply"/> yields the bytes to render.</summary>
public sealed record EventMutation(int EventIndex, MutationKind Kind, int Target, string Text, int Amount)
{
    public const string Marker = "FORGED-LINE";

    public byte[] Apply()
    {
        var source = Corpus.All[EventIndex % Corpus.All.Count].Json;
        if (Kind == MutationKind.TruncateBytes)
        {
            var bytes = Encoding.UTF8.GetBytes(source);
            return bytes[..(Amount % (bytes.Length + 1))];
        }

        var root = JsonNode.Parse(source)!.AsObject();
        var detail = root["detail"] as JsonObject ?? root;
        switch (Kind)
        {
            case MutationKind.ReplaceString:
                var strings = Leaves(root).Where(n => n is JsonValue v && v.TryGetValue<string>(out _)).ToList();
                if (strings.Count > 0)
                {
                    Replace(strings[Target % strings.Count], JsonValue.Create(Text));
                }

                break;
            case MutationKind.ReplaceWithOtherKind:
                var all = Leaves(root).ToList();
                Replace(all[Target % all.Count], OtherKind(Amount));
                break;
            case MutationKind.RemoveProperty:
                var objects = Objects(root).Where(o => o.Count > 0).ToList();
                var obj = objects[Target % objects.Count];
                obj.Remove(obj.ElementAt(Amount % obj.Count).Key);
                break;
            case MutationKind.DeepNesting:
                JsonNode nested = JsonValue.Create(Text);
                for (var i = 0; i < 1 + (Amount % 900); i++)
                {
                    nested = i % 2 == 0 ? new JsonObject { ["n"] = nested } : new JsonArray(nested);
                }

                detail["requestParameters"] = nested;
                break;
            case MutationKind.HugeParameters:
                var huge = new JsonObject();
                var size = 1 + (Amount % 12);
                for (var i = 0; i < size; i++)
                {
                    huge[$"key{i}"] = new string('x', 30_000) + Text;
                }

                detail["requestParameters"] = huge;
                break;
            case MutationKind.IdentityFieldsHostile:
                if (detail["userIdentity"] is JsonObject identity)
                {
                    foreach (var name in new[] { "userName", "arn", "principalId", "type", "accountId", "invokedBy" })
                    {
                        identity[name] = Text;
                    }
                }

                detail["userAgent"] = Text;
                detail["sourceIPAddress"] = Text;
                detail["eventName"] = Text;
                detail["errorCode"] = Text;
                detail["errorMessage"] = Text;
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonNode OtherKind(int choice) => (choice % 8) switch
    {
        0 => JsonValue.Create("null"),
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(12345.5),
        3 => new JsonArray(),
        4 => new JsonObject(),
        5 => JsonValue.Create("true"),
        6 => new JsonArray(JsonValue.Create(Marker), new JsonObject { ["a"] = null }),
        _ => JsonValue.Create(string.Empty),
    };

    private static void Replace(JsonNode node, JsonNode replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static IEnumerable<JsonNode> Leaves(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).Where(v => v is not null).ToList())
                {
                    foreach (var leaf in Leaves(child!))
                    {
                        yield return leaf;
                    }
                }

                if (obj.Parent is not null)
                {
                    yield return obj;
                }

                break;
            case JsonArray array:
                foreach (var child in array.Where(v => v is not null).ToList())
                {
                    foreach (var leaf in Leaves(child!))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return node;
                break;
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
        }

        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.Where(c => c is not null).ToList())
        {
            foreach (var inner in Objects(child!))
            {
                yield return inner;
            }
        }
    }
}

public enum MutationKind
{
    ReplaceString,
    ReplaceWithOtherKind,
    RemoveProperty,
    TruncateBytes,
    DeepNesting,
    HugeParameters,
    IdentityFieldsHostile,
}
