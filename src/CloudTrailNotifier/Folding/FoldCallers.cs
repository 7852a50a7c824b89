using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// The principal a group is keyed on, pure. Two people who assume the same role (an <c>AWSReservedSSO_*</c> permission
/// set, a SAML or web identity role) are two principals: the session is part of the key, so one person's calls never
/// fold into a colleague's group. The session is the name in its ARN (CloudTrail's, the caller cannot change it once the
/// role is assumed), together with the source identity and the Identity Center user when the event has them. A source
/// identity alone never decides the group: whoever may call <c>sts:SetSourceIdentity</c> picks it, so a session
/// <c>mallory</c> with the source identity <c>alice</c> is its own group, shown as <c>mallory, sourceIdentity alice</c>.
/// A program's sessions are one principal per role: a session name a program made up (an instance id, a task id, a
/// GUID, <c>botocore-session-1700...</c>, a long number: <see cref="SessionNames.IsMachineMade"/>, or one holding a GUID)
/// changes with every container or process, so those calls fold by the issuing role and the digest lists or counts
/// every session. A stable session name (a Lambda function's name, <c>GitHubActions</c>) keys its own group and folds too.
/// </summary>
internal static class FoldCallers
{
    private const string SsoRolePrefix = "AWSReservedSSO_";

    public static FoldCaller Read(JsonElement detail)
    {
        if (!JsonFields.TryGet(detail, "userIdentity", out var who) || who.ValueKind != JsonValueKind.Object)
        {
            return new FoldCaller("", "", null);
        }

        var arn = FoldEventReader.Short(JsonFields.String(who, "arn"));
        var principalId = FoldEventReader.Short(JsonFields.String(who, "principalId"));
        var centerUser = JsonFields.TryGet(who, "onBehalfOf", out var obo) && obo.ValueKind == JsonValueKind.Object
            ? FoldEventReader.Short(JsonFields.String(obo, "userId")) : null;
        var sourceIdentity = FoldEventReader.Short(JsonFields.String(who, "sourceIdentity"));
        string? issuer = null;
        if (JsonFields.TryGet(who, "sessionContext", out var context) && context.ValueKind == JsonValueKind.Object)
        {
            sourceIdentity = FoldEventReader.Short(JsonFields.String(context, "sourceIdentity")) ?? sourceIdentity;
            if (JsonFields.TryGet(context, "sessionIssuer", out var by) && by.ValueKind == JsonValueKind.Object)
            {
                issuer = FoldEventReader.Short(JsonFields.String(by, "arn"));
            }
        }

        if (issuer is null)
        {
            // A user, root, a service, an Identity Center user: the ARN or id names the principal already.
            var principal = arn ?? principalId ?? (centerUser is null ? null : "IdentityCenterUser " + centerUser)
                ?? FoldEventReader.Short(JsonFields.String(who, "invokedBy")) ?? FoldEventReader.Short(JsonFields.String(who, "type")) ?? "";
            return new FoldCaller(principal, principal, null);
        }

        var session = SessionOf(arn, principalId);
        var personal = sourceIdentity is not null || centerUser is not null
            || (session is not null && (IsSsoRole(issuer) || !IsProgramMade(session)));
        if (!personal)
        {
            return new FoldCaller(issuer, issuer, session);
        }

        // The issuing role (with its path, as CloudTrail's sessionIssuer gives it) and the session, each whole (each is
        // cut at 256 characters already; a cut of both together could cut the session off): never only the session's
        // ARN, whose role part another field could contradict.
        var described = Describe(session, sourceIdentity, centerUser);
        return new FoldCaller($"{issuer} ({described})", issuer, described);
    }

    /// <summary>
    /// The session as a group is keyed on and a digest shows it: the ARN's session name first, then the source identity
    /// and the Identity Center user beside it (<c>mallory, sourceIdentity alice</c>), each only when present.
    /// </summary>
    private static string Describe(string? session, string? sourceIdentity, string? centerUser)
    {
        var parts = new List<string>(3);
        if (session is not null)
        {
            parts.Add(session);
        }

        if (sourceIdentity is not null)
        {
            parts.Add("sourceIdentity " + sourceIdentity);
        }

        if (centerUser is not null)
        {
            parts.Add("IdentityCenterUser " + centerUser);
        }

        return string.Join(", ", parts);
    }

    /// <summary>A session name a program made up, never a person's: it changes per container, instance or process.</summary>
    public static bool IsProgramMade(string session) => SessionNames.IsMachineMade(session) || HoldsGuid(session);

    /// <summary>The session of <c>arn:aws:sts::111:assumed-role/ROLE/SESSION</c> or <c>.../federated-user/NAME</c>, else of <c>ROLEID:SESSION</c>.</summary>
    private static string? SessionOf(string? arn, string? principalId)
    {
        if (arn is not null && (arn.Contains(":assumed-role/", StringComparison.Ordinal) || arn.Contains(":federated-user/", StringComparison.Ordinal)))
        {
            var slash = arn.LastIndexOf('/');
            var name = arn[(slash + 1)..];
            if (name.Length > 0 && !arn.AsSpan(0, slash).EndsWith(":assumed-role"))
            {
                return name;
            }
        }

        var colon = principalId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon >= 0 && colon < principalId!.Length - 1 ? principalId[(colon + 1)..] : null;
    }

    /// <summary>An Identity Center permission set's role: its session is named after the person who signed in, always.</summary>
    private static bool IsSsoRole(string issuerArn) =>
        issuerArn[(issuerArn.LastIndexOf('/') + 1)..].StartsWith(SsoRolePrefix, StringComparison.Ordinal);

    private static bool HoldsGuid(string session)
    {
        for (var i = 0; i + 36 <= session.Length; i++)
        {
            if (Guid.TryParseExact(session.AsSpan(i, 36), "D", out _))
            {
                return true;
            }
        }

        return false;
    }
}
