using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Where a secret is planted in a real corpus event: which key, which value, how deep, in what shape.</summary>
public sealed record SecretPlant(int EventIndex, int KeyIndex, int KeyCase, string Value, PlantShape Shape, int Target, int CutAt)
{
    /// <summary>Key names CloudTrail uses for secrets, written independently of the rule table.</summary>
    public static readonly string[] SensitiveKeys =
    [
        "password", "masterUserPassword", "newPassword", "tdeCredentialPassword", "secretAccessKey", "sessionToken",
        "secretString", "secretBinary", "SecretString", "privateKey", "keyMaterial", "passphrase", "clientSecret",
        "idToken", "accessToken", "refreshToken", "authParameters", "PASSWORD", "SECRET_HASH", "aws_secret_access_key",
        "credentials", "apiToken", "privateKeyPem",
    ];

    /// <summary>Serialized as CloudTrail writes JSON: quotes inside strings as <c>\"</c>, <c>+</c> and <c>/</c> as they are.</summary>
    private static readonly JsonSerializerOptions CloudTrailLike = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Key => (KeyCase % 3) switch
    {
        0 => SensitiveKeys[KeyIndex % SensitiveKeys.Length],
        1 => SensitiveKeys[KeyIndex % SensitiveKeys.Length].ToUpperInvariant(),
        _ => SensitiveKeys[KeyIndex % SensitiveKeys.Length].ToLowerInvariant(),
    };

    /// <summary>The event with the secret planted, as UTF-8 JSON.</summary>
    public byte[] Apply()
    {
        var source = Corpus.All[EventIndex % Corpus.All.Count].Json;
        var root = JsonNode.Parse(source)!.AsObject();
        var objects = Objects(root).ToList();
        var host = objects[Target % objects.Count];
        var name = "planted" + (Target % 97);
        switch (Shape)
        {
            case PlantShape.String:
                host[Key] = Value;
                break;
            case PlantShape.InArray:
                host[Key] = new JsonArray("first", Value);
                break;
            case PlantShape.InObject:
                host[Key] = new JsonObject { ["inner"] = new JsonObject { ["value"] = Value } };
                break;
            case PlantShape.Deep:
                host[name] = new JsonObject { ["a"] = new JsonArray(new JsonObject { ["b"] = new JsonObject { [Key] = Value } }) };
                break;
            case PlantShape.EmbeddedJson:
                host[name] = new JsonObject { [Key] = Value, ["Version"] = "2012-10-17" }.ToJsonString(CloudTrailLike);
                break;
            case PlantShape.EmbeddedJsonInArray:
                host[name] = new JsonArray(new JsonObject { ["nested"] = new JsonObject { [Key] = Value }.ToJsonString(CloudTrailLike) }.ToJsonString(CloudTrailLike));
                break;
            case PlantShape.KeyValueText:
                host[name] = $"connection string user=app {Key}={Value} host=db.example.com";
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(CloudTrailLike));
    }

    /// <summary>The same event cut at <see cref="CutAt"/> (damaged JSON), but never before the planted key.</summary>
    public byte[] ApplyDamaged()
    {
        var bytes = Apply();
        var text = Encoding.UTF8.GetString(bytes);
        var keyAt = text.IndexOf(Key, StringComparison.Ordinal);
        var from = keyAt < 0 ? 0 : keyAt;
        var cut = from + (CutAt % Math.Max(1, text.Length - from));
        return Encoding.UTF8.GetBytes(text[..cut]);
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).Where(v => v is not null).ToList())
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.Where(v => v is not null).ToList())
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
    }
}
