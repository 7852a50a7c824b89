using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>The conditions the <see cref="SeverityTable"/> is written in. Each is pure and reads only its input.</summary>
internal static class RuleConditions
{
    /// <summary>Managed policies that give administrator access, or the power to grant it to oneself.</summary>
    private static readonly string[] AdminPolicyNames = ["AdministratorAccess", "IAMFullAccess"];

    private static readonly string[] PublicGroups = ["acs.amazonaws.com/groups/global/AllUsers", "acs.amazonaws.com/groups/global/AuthenticatedUsers"];

    public static bool Succeeded(RuleInput i) => i.Succeeded;

    public static bool Denied(RuleInput i) => i.Facts.Outcome == Outcome.Denied;

    /// <summary>The call did not succeed (refused or failed).</summary>
    public static bool NotSucceeded(RuleInput i) => !i.Succeeded;

    /// <summary>
    /// A successful call that changes something: CloudTrail says so (<c>readOnly: false</c>), or, in a record that does
    /// not say (older records, some services), the call is named for a change (<see cref="WriteNames"/>).
    /// </summary>
    public static bool SucceededWrite(RuleInput i) =>
        i.Succeeded && (i.Facts.Event.ReadOnly == false || (i.Facts.Event.ReadOnly is null && WriteNames.Suggests(i)));

    /// <summary>An instance's user data was replaced (<c>userData</c> sent, or the attribute named).</summary>
    public static bool ChangesUserData(RuleInput i) =>
        i.Succeeded && (Element(i, "userData") is not null || Parameter(i, "attribute") == "userData");

    /// <summary>A CloudTrail Insights event marks the start of unusual activity.</summary>
    public static bool InsightStarted(RuleInput i) => i.Facts.Insight is { Ended: false };

    /// <summary>SSM parameter values were read decrypted (<c>withDecryption: true</c>): SecureString values in clear.</summary>
    public static bool ReadsDecrypted(RuleInput i) =>
        i.Succeeded && i.Parameters is { } p && JsonFields.TryGet(p, "withDecryption", out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>A new role's trust policy names an account other than this one.</summary>
    public static bool TrustsOutside(RuleInput i) =>
        i.Succeeded && PolicyDocuments.PrincipalAccounts(Element(i, "assumeRolePolicyDocument")).Any(account => AccountIds.IsOutside(account, i.Recipient));

    /// <summary>The call names a decoy secret (by name, partial or full ARN), whatever its outcome.</summary>
    public static bool TouchesDecoy(RuleInput i) => DecoyNamed(i) is not null;

    /// <summary>The policy attached is <c>AdministratorAccess</c> or <c>IAMFullAccess</c>.</summary>
    public static bool AttachesAdminPolicy(RuleInput i) =>
        i.Succeeded && Parameter(i, "policyArn") is { } arn
        && AdminPolicyNames.Any(name => arn.EndsWith(":policy/" + name, StringComparison.Ordinal));

    /// <summary>The inline policy allows every action on every resource.</summary>
    public static bool InlinePolicyAllowsAll(RuleInput i) =>
        i.Succeeded && PolicyDocuments.AllowsEverything(Element(i, "policyDocument"));

    /// <summary>
    /// The policy sent (trust, bucket or resource policy) lets everyone in (<see cref="PolicyDocuments.OpensToEveryone"/>),
    /// or a Lambda permission is given to <c>*</c> without a source account, source ARN or organization to limit it.
    /// </summary>
    public static bool PolicyOpensToEveryone(RuleInput i) =>
        i.Succeeded && (PolicyDocuments.OpensToEveryone(Element(i, "policyDocument"))
            || PolicyDocuments.OpensToEveryone(Element(i, "bucketPolicy"))
            || PolicyDocuments.OpensToEveryone(Element(i, "resourcePolicy"))
            || PolicyDocuments.OpensToEveryone(Element(i, "policy"))
            || (Parameter(i, "principal") == "*" && Missing(i, "sourceAccount") && Missing(i, "sourceArn") && Missing(i, "principalOrgID")));

    /// <summary>A bucket ACL grants to the AllUsers or AuthenticatedUsers group (or a canned public ACL).</summary>
    public static bool GrantsToPublicGroup(RuleInput i)
    {
        if (!i.Succeeded || i.Parameters is not { } p)
        {
            return false;
        }

        var raw = p.GetRawText();
        return PublicGroups.Any(group => raw.Contains(group, StringComparison.Ordinal))
            || ExposureConditions.SetsPublicCannedAcl(i);
    }

    /// <summary>An ingress rule admits every address (a CIDR ending in <c>/0</c>, such as <c>0.0.0.0/0</c> or <c>::/0</c>).</summary>
    public static bool OpensToTheInternet(RuleInput i)
    {
        if (!i.Succeeded || i.Parameters is not { } p)
        {
            return false;
        }

        var raw = p.GetRawText();
        return raw.Contains("/0\"", StringComparison.Ordinal);
    }

    /// <summary>A key or password was made for an IAM user other than the caller.</summary>
    public static bool ForAnotherUser(RuleInput i)
    {
        if (!i.Succeeded || Parameter(i, "userName") is not { } user)
        {
            return false;
        }

        var actor = i.Facts.Actor;
        return actor.Kind != ActorKind.IAMUser || !string.Equals(actor.Name, user, StringComparison.Ordinal);
    }

    /// <summary>A snapshot, image or DB snapshot was shared with every AWS account.</summary>
    public static bool SharesWithEveryone(RuleInput i) => i.Succeeded && SharingChanges.Read(i.Parameters).AddsEveryone;

    /// <summary>A snapshot, image or DB snapshot was shared with an account other than this one.</summary>
    public static bool SharesOutside(RuleInput i) => i.Succeeded && SharingChanges.Read(i.Parameters).AddedOutside(i.Recipient) is not null;

    /// <summary>The root user (or a session it issued) made the call.</summary>
    public static bool ByRoot(RuleInput i) => i.Facts.Actor.IsRoot && i.Succeeded;

    /// <summary>The root user changed something or signed in, without MFA.</summary>
    public static bool ByRootWithoutMfa(RuleInput i) =>
        ByRoot(i) && i.Facts.Signals.HasFlag(Signals.NoMfa) && (i.Facts.IsSignIn || i.Facts.Event.ReadOnly == false);

    /// <summary>Someone without credentials was let in (public access).</summary>
    public static bool ByAnonymous(RuleInput i) => i.Succeeded && i.Facts.Actor.Kind == ActorKind.Anonymous;

    /// <summary>An IAM user signed in to the console without MFA.</summary>
    public static bool SignInWithoutMfa(RuleInput i) => i.Succeeded && i.Facts.IsSignIn && i.Facts.SignInMfaUsed == false;

    /// <summary>A read of a named secret was refused.</summary>
    public static bool SecretReadDenied(RuleInput i) =>
        Denied(i) && i.Facts.Event.ReadOnly != false && i.Facts.Resources.Any(r => r.Kind == ResourceKind.Secret);

    /// <summary>
    /// The decoy the call names, or null: the one the notifier found in the event before redaction
    /// (<see cref="DecoySecrets.Touched"/>), else one the (redacted) request or resources still name.
    /// </summary>
    public static string? DecoyNamed(RuleInput i) =>
        i.Decoys.Names.Count == 0 || i.Service != "secretsmanager" ? null
        : i.Decoys.Touched ?? i.Decoys.NamedIn(i.Parameters, i.Facts.Resources.Select(r => r.Identifier));

    /// <summary>A request parameter as text.</summary>
    public static string? Parameter(RuleInput i, string name) => i.Parameters is { } p ? JsonFields.String(p, name) : null;

    private static bool Missing(RuleInput i, string name) => Parameter(i, name) is not { Length: > 0 };

    private static JsonElement? Element(RuleInput i, string name) =>
        i.Parameters is { } p && JsonFields.TryGet(p, name, out var value) ? value : null;
}
