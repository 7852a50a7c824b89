using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>
/// The stack's own resources, whose changes are tampering. Built once at the edge from
/// <c>TAMPER_WATCH_RESOURCES</c> (or <c>--tamper-watch-resources</c>) and the function's own name; matching is pure.
/// </summary>
internal sealed class TamperWatch
{
    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _alarms = new(StringComparer.Ordinal);
    private readonly List<string> _alarmPrefixes = [];
    private readonly HashSet<string> _queues = new(StringComparer.Ordinal);

    // KMS keys and aliases as REGION|ACCOUNT|key/ID or REGION|ACCOUNT|alias/NAME, and the resource part alone
    // (a request may name a key by bare id or an alias by name: then the event's region and account complete it).
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keyResources = new(StringComparer.Ordinal);

    // IAM roles as ACCOUNT|NAME, and the name alone (requests name a role by its name, without path or account).
    // IAM does not distinguish names by case (ROLE and role are one role), so neither does the watch; SNS topic,
    // KMS alias, EventBridge rule, Lambda function, alarm and queue names are case-sensitive and compared as written.
    private readonly HashSet<string> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _roleNames = new(StringComparer.OrdinalIgnoreCase);

    // DynamoDB tables (the noise-control state table) as REGION|ACCOUNT|NAME, and the name alone (requests name a
    // table by name, or by ARN since DynamoDB takes either). Table names are case-sensitive.
    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tableNames = new(StringComparer.Ordinal);

    private TamperWatch()
    {
    }

    /// <summary>Watches trails only (every trail is always watched): no stack resources are known.</summary>
    public static TamperWatch None { get; } = new();

    public bool WatchesStackResources =>
        _rules.Count + _functions.Count + _topics.Count + _alarms.Count + _alarmPrefixes.Count + _queues.Count
        + _keys.Count + _roles.Count
        + _tables.Count > 0;

    /// <summary>
    /// Reads a comma-separated list of ARNs of EventBridge rules, Lambda functions, SNS topics, CloudWatch
    /// alarms (an alarm name may end in <c>*</c>: every alarm whose name starts so), KMS keys and aliases, IAM
    /// roles and DynamoDB tables, and SQS queue ARNs or URLs, plus the function's own name when known. Returns null with a one-line error for an entry of another shape.
    /// </summary>
    public static TamperWatch? Parse(string? list, string? ownFunctionName, out string? error)
    {
        var watch = new TamperWatch();
        if (!string.IsNullOrWhiteSpace(ownFunctionName))
        {
            watch._functions.Add(ownFunctionName.Trim());
        }

        foreach (var raw in (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!watch.TryAdd(raw))
            {
                error = $"'{raw}' is not the ARN of an EventBridge rule, Lambda function, SNS topic, CloudWatch alarm, "
                    + "KMS key or alias, IAM role or DynamoDB table, nor an SQS queue ARN or URL";
                return null;
            }
        }

        error = null;
        return watch.WatchesStackResources ? watch : None;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, as a caller passed it in the request, names a watched resource. A key by
    /// bare id, an alias by name and a role by name are completed with the event's <paramref name="account"/> and
    /// <paramref name="region"/>; when the event does not say, the id or name alone decides.
    /// </summary>
    public bool Watches(TamperTargetKind kind, string value, string? account = null, string? region = null) => kind switch
    {
        TamperTargetKind.Trail => true,
        TamperTargetKind.Rule => _rules.Contains(AfterLast(value, '/')),
        TamperTargetKind.Function => _functions.Contains(FunctionName(value)),
        TamperTargetKind.Topic => _topics.Contains(value),
        TamperTargetKind.Subscription => value.LastIndexOf(':') is > 0 and var colon && _topics.Contains(value[..colon]),
        TamperTargetKind.Alarm => _alarms.Contains(value) || _alarmPrefixes.Exists(p => value.StartsWith(p, StringComparison.Ordinal)),
        TamperTargetKind.Queue => QueueKeyFromUrl(value) is { } key && _queues.Contains(key),
        TamperTargetKind.Key => WatchesKey(value, account, region),
        TamperTargetKind.Role => account is null ? _roleNames.Contains(value) : _roles.Contains(account + "|" + value),
        TamperTargetKind.Table => WatchesTable(value, account, region),
        _ => false,
    };

    /// <summary>The key id of a key ARN (<c>arn:...:key/ID</c>), or an alias as <c>alias/NAME</c>; other values as they are.</summary>
    public static string KeyName(string value) =>
        ArnText.TryParse(value, out var arn) && arn.Service == "kms" ? KeyResourceName(arn.Resource) : KeyResourceName(value);

    private static string KeyResourceName(string resource) =>
        resource.StartsWith("key/", StringComparison.Ordinal) ? resource["key/".Length..] : resource;

    private bool WatchesKey(string value, string? account, string? region)
    {
        if (ArnText.TryParse(value, out var arn))
        {
            return arn.Service == "kms" && _keys.Contains(arn.Region + "|" + arn.Account + "|" + arn.Resource);
        }

        // A bare key id (or alias/NAME) is the key of the region and account the call was made in.
        var resource = value.StartsWith("alias/", StringComparison.Ordinal) ? value : "key/" + value;
        return account is null || region is null ? _keyResources.Contains(resource) : _keys.Contains(region + "|" + account + "|" + resource);
    }

    private bool WatchesTable(string value, string? account, string? region)
    {
        if (ArnText.TryParse(value, out var arn))
        {
            return arn.Service == "dynamodb" && arn.Resource.StartsWith("table/", StringComparison.Ordinal)
                && _tables.Contains(arn.Region + "|" + arn.Account + "|" + arn.Resource["table/".Length..]);
        }

        return account is null || region is null ? _tableNames.Contains(value) : _tables.Contains(region + "|" + account + "|" + value);
    }

    /// <summary>The function name in any form Lambda accepts: NAME, NAME:QUALIFIER, ACCOUNT:function:NAME, or the ARN.</summary>
    public static string FunctionName(string value)
    {
        const string Marker = ":function:";
        var at = value.IndexOf(Marker, StringComparison.Ordinal);
        var name = at >= 0 ? value[(at + Marker.Length)..] : value;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? name[..colon] : name;
    }

    private bool TryAdd(string entry)
    {
        if (entry.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return QueueKeyFromUrl(entry) is { } key && _queues.Add(key) | true;
        }

        // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
        if (!ArnText.TryParse(entry, out var arn) || arn.Resource.Length == 0)
        {
            return false;
        }

        var (service, account, resource) = (arn.Service, arn.Account, arn.Resource);
        switch (service)
        {
            case "events" when resource.StartsWith("rule/", StringComparison.Ordinal):
                _rules.Add(AfterLast(resource, '/'));
                return true;
            case "lambda" when resource.StartsWith("function:", StringComparison.Ordinal):
                _functions.Add(FunctionName(entry));
                return true;
            case "sns" when !resource.Contains(':', StringComparison.Ordinal):
                _topics.Add(entry);
                return true;
            case "cloudwatch" when resource.StartsWith("alarm:", StringComparison.Ordinal):
                var alarm = resource["alarm:".Length..];
                if (alarm.EndsWith('*'))
                {
                    _alarmPrefixes.Add(alarm[..^1]);
                }
                else
                {
                    _alarms.Add(alarm);
                }

                return alarm.Length > 0;
            case "sqs" when !resource.Contains(':', StringComparison.Ordinal):
                _queues.Add(account + "/" + resource);
                return true;
            case "kms" when IsKeyOrAlias(resource) && arn.Region.Length > 0 && AccountIds.IsAccountId(account):
                _keys.Add(arn.Region + "|" + account + "|" + resource);
                _keyResources.Add(resource);
                return true;
            case "iam" when resource.StartsWith("role/", StringComparison.Ordinal) && AccountIds.IsAccountId(account)
                && AfterLast(resource, '/') is { Length: > 0 } role:
                _roles.Add(account + "|" + role);
                _roleNames.Add(role);
                return true;
            case "dynamodb" when resource.StartsWith("table/", StringComparison.Ordinal) && arn.Region.Length > 0
                && AccountIds.IsAccountId(account) && resource["table/".Length..] is { Length: > 0 } table && !table.Contains('/'):
                _tables.Add(arn.Region + "|" + account + "|" + table);
                _tableNames.Add(table);
                return true;
            default:
                return false;
        }
    }

    private static bool IsKeyOrAlias(string resource) =>
        (resource.StartsWith("key/", StringComparison.Ordinal) || resource.StartsWith("alias/", StringComparison.Ordinal))
        && resource.IndexOf('/') is var slash && slash < resource.Length - 1 && resource.AsSpan(slash + 1).IndexOfAny('*', '?') < 0;

    /// <summary>ACCOUNT/NAME from https://sqs.REGION.amazonaws.com/ACCOUNT/NAME (or the legacy host form).</summary>
    private static string? QueueKeyFromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments.Length == 2 && segments[0].Length > 0 && segments[1].Length > 0 ? segments[0] + "/" + segments[1] : null;
    }

    private static string AfterLast(string value, char separator) =>
        value.LastIndexOf(separator) is var at and >= 0 ? value[(at + 1)..] : value;
}
