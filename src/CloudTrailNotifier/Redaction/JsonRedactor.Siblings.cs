using System.Runtime.InteropServices;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Redaction;

/// <summary>The name/value rule of the full walk: a sibling (a secret name, a secure string type) makes the value secret.</summary>
internal sealed partial class JsonRedactor
{
    /// <summary>
    /// Whether an object's value members are secret by a sibling: a <c>type</c> (any case, as decoded) of <c>SecureString</c>,
    /// or a name member (<c>name</c>, <c>parameterKey</c>...) whose string is a secret key name (<c>DB_PASSWORD</c>).
    /// </summary>
    private bool SiblingsMakeValuesSecret(JsonElement obj)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var role = _keys.Role(JsonMarshal.GetRawUtf8PropertyName(property));
            if ((role == MemberRole.Type && RedactionRules.IsSecureString(JsonFields.Text(property.Value)))
                || (role == MemberRole.Name && RedactionRules.NamesSecret(JsonMarshal.GetRawUtf8Value(property.Value)[1..^1])))
            {
                return true;
            }
        }

        return false;
    }
}
