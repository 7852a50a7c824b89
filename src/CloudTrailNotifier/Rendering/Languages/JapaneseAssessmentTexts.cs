using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Rendering.Languages;

internal sealed class JapaneseAssessmentTexts : AssessmentTexts
{
    public static JapaneseAssessmentTexts Instance { get; } = new();

    private JapaneseAssessmentTexts()
    {
    }

    public override string? SubjectTag(Severity severity) => severity switch
    {
        Severity.Critical => "重大",
        Severity.High => "高",
        _ => null,
    };

    public override string DecoyTag => "おとり";

    public override string SeverityLabel => "重要度";

    public override string SeverityValue(Severity severity) => severity switch
    {
        Severity.Critical => "重大（critical）、すぐに対応してください",
        Severity.High => "高（high）、今日中に確認してください",
        Severity.Notice => "注意（notice）、確認をおすすめします",
        _ => "情報（info）、定常の操作です",
    };

    public override string RiskLabel => "重要な理由";

    public override string Risk(RiskKind kind, RiskStrings s) => kind switch
    {
        RiskKind.DecoyTouched => $"おとりのシークレット {s.Target} に触れる操作がありました。正当な利用者はいないため、認証情報の漏えいか侵入者の可能性が高いです。",
        RiskKind.LoggingStopped => $"{s.Region} の証跡 {s.Target} のログ記録が停止されました。以後の API 呼び出しは記録されません。",
        RiskKind.TrailDeleted => $"{s.Region} の証跡 {s.Target} が削除されました。記録していた API 呼び出しは以後ログに残りません。",
        RiskKind.TrailSelectorsChanged => $"証跡 {s.Target} のイベントセレクタが変更されました。一部の呼び出しが記録されなくなった可能性があります。",
        RiskKind.TrailChanged => $"証跡 {s.Target} の設定が変更されました。記録の内容や保存先が変わった可能性があります。",
        RiskKind.FlowLogsDeleted => $"フローログ {s.Target} が削除されました。その範囲のネットワーク通信は記録されません。",
        RiskKind.DetectorDeleted => $"{s.Region} の GuardDuty ディテクター {s.Target} が削除されました。そのリージョンの脅威検出は停止しています。",
        RiskKind.RecorderStopped => $"{s.Region} の AWS Config の記録が停止または削除されました。構成の変更は追跡されません。",
        RiskKind.LeftOrganization => "アカウントが AWS Organizations から離脱しました。組織のガードレールと集中ログは適用されません。",
        RiskKind.AdminPolicyAttached => $"管理者権限を与えるポリシー（{s.Target}）が{Principal(s)}にアタッチされました。",
        RiskKind.PolicyAttached => $"ポリシー {s.Target} が{Principal(s)}にアタッチされ、権限が変わりました。",
        RiskKind.InlinePolicyAllowsAll => $"すべてのリソースへのすべての操作を許可するインラインポリシー {s.Target} が{Principal(s)}に設定されました。",
        RiskKind.InlinePolicyPut => $"インラインポリシー {s.Target} が{Principal(s)}に設定され、権限が変わりました。",
        RiskKind.TrustPolicyOpenToAll => $"ロール {s.Target} の信頼ポリシーが、誰でも（Principal \"*\"）引き受けられる内容になりました。",
        RiskKind.TrustPolicyChanged => $"ロール {s.Target} の信頼ポリシーが変更され、引き受けられる相手が変わりました。",
        RiskKind.AccessKeyForOtherUser => $"別の ID が IAM ユーザー {s.Principal} のアクセスキーを作成しました。キーを持つ者はそのユーザーとして操作できます。",
        RiskKind.AccessKeyCreated => $"IAM ユーザー {s.Principal} の新しいアクセスキーが作成されました。",
        RiskKind.LoginProfileForOtherUser => $"別の ID が IAM ユーザー {s.Principal} のコンソールパスワードを設定しました。知る者はそのユーザーとしてサインインできます。",
        RiskKind.SnapshotPublic => $"スナップショット {s.Target} が公開されました。どの AWS アカウントでもコピーできます。",
        RiskKind.SnapshotShared => $"スナップショット {s.Target} がアカウント {s.OutsideAccount}（このアカウントの外部）と共有されました。そのアカウントはコピーできます。",
        RiskKind.ImagePublic => $"イメージ {s.Target} が公開されました。どの AWS アカウントでも起動できます。",
        RiskKind.ImageShared => $"イメージ {s.Target} がアカウント {s.OutsideAccount}（このアカウントの外部）と共有されました。そのアカウントは起動できます。",
        RiskKind.DbSnapshotPublic => $"DB スナップショット {s.Target} が公開されました。どの AWS アカウントでも復元できます。",
        RiskKind.DbSnapshotShared => $"DB スナップショット {s.Target} がアカウント {s.OutsideAccount}（このアカウントの外部）と共有されました。そのアカウントは復元できます。",
        RiskKind.BucketPolicyPublic => $"バケット {s.Target} のポリシーが全員（Principal \"*\" または NotPrincipal で、呼び出し元を絞る条件なし）にアクセスを許可する内容になりました。",
        RiskKind.BucketAclPublic => $"バケット {s.Target} の ACL がすべてのユーザーまたは任意の AWS アカウントにアクセスを許可しました。",
        RiskKind.PublicAccessBlockRemoved => $"バケット {s.Target} のパブリックアクセスブロックが削除されました。ポリシーや ACL で公開されうる状態です。",
        RiskKind.ResourcePolicyPublic => $"{s.Target} のリソースポリシーが全員（Principal \"*\" または NotPrincipal で、呼び出し元を絞る条件なし）にアクセスを許可する内容になりました。",
        RiskKind.IngressFromAnywhere => $"セキュリティグループ {s.Target} がインターネット上のあらゆるアドレスからの通信を許可しました。",
        RiskKind.KeyDeletion => $"KMS キー {s.Target} が無効化または削除予定にされました。このキーで暗号化したデータは読めなくなります。",
        RiskKind.RootUsed => "ルートユーザーが使われました。アカウント内のあらゆる操作ができ、ごく限られた作業にだけ使うものです。",
        RiskKind.AnonymousAccess => $"認証情報のない誰かに {s.Target} が返されました。一般に公開されています。",
        RiskKind.SignInWithoutMfa => "IAM ユーザーが MFA なし（パスワードのみ）でコンソールにサインインしました。",
        RiskKind.SecretReadDenied => $"シークレット {s.Target} の読み取りが拒否されました。権限のないシークレットを読もうとした操作です。",
        RiskKind.SecretValueRead => $"シークレット {s.Target} の値が読み取られました。値を持つ者は、それが守るものを使えます。",
        RiskKind.SessionStarted => $"Session Manager で {s.Target} にシェルのセッションが開始されました。",
        RiskKind.CommandSent => $"Run Command で {s.Target} にコマンドが送られました。",
        RiskKind.SecretValuesReadByFilter => "リクエストのフィルターに一致したすべてのシークレットの値が読み取られました。値を持つ者は、それが守るものを使えます。",
        RiskKind.ParameterValueRead => $"パラメータ {s.Target} が復号して読み取られました。SecureString パラメータの値が呼び出し元に知られています。",
        RiskKind.QueryLoggingDeleted => $"{s.Region} の DNS クエリログ設定 {s.Target} が削除または関連付け解除されました。対象の VPC の DNS クエリは記録されません。",
        RiskKind.UnusualActivity => $"CloudTrail Insights が {s.Target} の通常とかけ離れた頻度を検出しました。自動処理の暴走か、誰かがアカウント内で操作を重ねている可能性があります。",
        RiskKind.UserDataChanged => $"インスタンス {s.Target} のユーザーデータが置き換えられました。次に起動したときに root 権限で実行されます。",
        RiskKind.ControlOffRefused => $"セキュリティ管理を止める操作（{s.Target}）が拒否されました。このアカウントの監視を外そうとした者がおり、別の認証情報で再び試みる可能性があります。",
        RiskKind.RoleTrustsOutside => $"新しいロール {s.Target} がアカウント {s.OutsideAccount}（このアカウントの外部）を信頼しています。そのアカウントはロールを引き受けられます。",
        RiskKind.ObjectAclPublic => $"オブジェクト {s.Target} の ACL がすべてのユーザーまたは任意の AWS アカウントにアクセスを許可しました。",
        RiskKind.PublicAccessBlockOff => $"バケット {s.Target} のパブリックアクセスブロックの全部または一部がオフになりました。ポリシーや ACL で公開されうる状態です。",
        RiskKind.AccountPublicAccessBlockOff => $"アカウント {s.Target} の S3 パブリックアクセスブロックの全部または一部がオフになりました。どのバケットもポリシーや ACL で公開されうる状態です。",
        RiskKind.FunctionUrlPublic => $"関数 {s.Target} に、インターネット上の誰でもサインインなしで呼び出せる URL（認証タイプ NONE）が設定されました。",
        _ => kind.ToString(),
    } + (s.OutsideAccount is not { } account ? string.Empty
        : kind is RiskKind.TrustPolicyChanged or RiskKind.TrustPolicyOpenToAll ? OutsideAccount(account)
        : IsSecretRead(kind) ? SecretOfOtherAccount(account)
        : string.Empty);

    public override string OutsideAccount(string account) => $"このアカウントの外部のアカウント {account} が含まれています。";

    public override string SecretOfOtherAccount(string account) => $"このシークレットはこのアカウントの外部のアカウント {account} のものです。";

    public override string ServiceEventHeadline(string action, string? service, string? resource) =>
        $"AWS サービスイベント: {(resource is null ? string.Empty : $"{resource} に対する ")}{(service is null ? action : $"{service} {action}")}。API 呼び出しではなく、AWS 自身が記録したイベントです。";

    public override string InsightHeadline(string action, string? service, InsightFacts insight)
    {
        var call = service is null ? action : $"{service} {action}";
        var what = insight.ErrorRate ? $"{call} のエラー" : $"{call} の呼び出し";
        var rates = insight.Rate is { } rate && insight.Baseline is { } baseline
            ? $"（毎分 {rate} 回、通常は {baseline} 回）"
            : string.Empty;
        return insight.Ended
            ? $"CloudTrail Insights: {what}の異常な頻度が{(insight.Minutes is { } m ? $" {m} 分で" : string.Empty)}終わりました{rates}。"
            : $"CloudTrail Insights: {what}が異常な頻度で始まりました{rates}。";
    }

    public override string InsightLabel => "インサイト";

    public override string InsightValue(InsightFacts insight, string? safeErrorCode) =>
        (insight.ErrorRate ? "API エラー率" : "API 呼び出し率") + (safeErrorCode is null ? string.Empty : $"（{safeErrorCode}）")
        + (insight.Ended ? "、異常な活動の終了" : "、異常な活動の開始");

    public override string InsightAttributionLabel(InsightAttributeKind kind) => kind switch
    {
        InsightAttributeKind.Caller => "異常な活動の主な呼び出し元",
        InsightAttributeKind.Client => "異常な活動の主なクライアント",
        _ => "異常な活動の主なエラーコード",
    };

    public override string InsightContributor(InsightAttributeKind kind, string safeValue, InsightContributor contributor)
    {
        var value = kind == InsightAttributeKind.ErrorCode && contributor.Value == "null" ? "エラーなし（成功した呼び出し）" : safeValue;
        var rate = contributor.Rate is { } r ? $": 毎分 {r} 回" : string.Empty;
        var usual = contributor.UsualRate is { } u ? $"（通常は {u} 回）" : "（通常の上位には含まれません）";
        return value + rate + usual;
    }

    public override string Via(string via) => via == Describing.Via.Console ? "（コンソール経由）" : $"（{via} 経由）";

    public override string IssuesCredentials => "一時的な認証情報の発行、CloudTrail の記録上は読み取り専用";

    public override string SharingLabel => "共有";

    public override string SharingValue(string? added, string? removed) =>
        string.Join("、", new[] { added is null ? null : $"追加: {added}", removed is null ? null : $"削除: {removed}" }.OfType<string>());

    public override string Everyone => "全員（公開）";

    public override string OutsideMark(string account) => $"{account}（このアカウントの外部）";

    public override string NextStepsTitle => "対応";

    public override string NextStepsNote => "このイベントに合わせたコマンドです。実行前に必ず内容を確認してください（この通知から実行されることはありません）。";

    public override string ForgedStepsNote =>
        "このイベントは AWS から届いたものではないため、対応コマンドは載せていません（コマンドに入る名前はすべて送信者が決めたものです）。"
        + "まず CloudTrail に記録があるか確認してください。見つからなければ、そのリージョンの過去 90 日に該当するイベントは CloudTrail にありません。"
        + "記録が見つかったら、そのイベント名・呼び出し元・時刻をこの通知のものと照らし合わせてください。"
        + "送信者は実在するイベントの ID を写せるため、ID が一致するだけでは何の証明にもなりません。";

    public override string ForgedLookup => "イベント ID で CloudTrail のイベント履歴を検索する:";

    public override string ForgedIdNotCloudTrails => "イベント ID が CloudTrail の形式 (UUID) ではありません。CloudTrail にこの ID のイベントはありません。";

    public override string NextStep(NextStepKind kind) => kind switch
    {
        NextStepKind.RestartLogging => "ログ記録を再開する:",
        NextStepKind.RecreateTrail => "証跡を作り直す（LOG_BUCKET はログ用バケットに置き換え）:",
        NextStepKind.ReviewTrail => "証跡が今何を記録しているか確認する:",
        NextStepKind.RecreateDetector => "このリージョンで GuardDuty を再び有効にする:",
        NextStepKind.ReviewFlowLogs => "残っているフローログを確認する:",
        NextStepKind.RestartRecorder => "設定レコーダーを再開する:",
        NextStepKind.DetachPolicy => "ポリシーをデタッチする:",
        NextStepKind.DeleteInlinePolicy => "インラインポリシーを削除する:",
        NextStepKind.ReviewTrustPolicy => "現在の信頼ポリシーを確認する:",
        NextStepKind.DeactivateNewKey => "新しいアクセスキーを無効にする:",
        NextStepKind.DeleteLoginProfile => "コンソールパスワードを削除する:",
        NextStepKind.UnshareSnapshot => "スナップショットの共有をやめる:",
        NextStepKind.UnshareImage => "イメージの共有をやめる:",
        NextStepKind.UnshareDbSnapshot => "DB スナップショットの共有をやめる:",
        NextStepKind.BlockPublicAccess => "バケットのパブリックアクセスをブロックする:",
        NextStepKind.RevokeIngress => "追加されたルールを削除する:",
        NextStepKind.CancelKeyDeletion => "キーを残す:",
        NextStepKind.RemoveResourcePolicy => "リソースポリシーを削除する:",
        NextStepKind.RotateSecret => "シークレットをローテーションする:",
        NextStepKind.RevokeRoleSessions => "このイベント以前に発行されたロールのセッションを無効にする:",
        NextStepKind.DeactivateCallerKey => "呼び出し元のアクセスキーを無効にする:",
        NextStepKind.ReviewCaller => "この呼び出し元の他の操作を確認する（このリージョン、過去 90 日）:",
        NextStepKind.BlockAccountPublicAccess => "アカウント全体のパブリックアクセスをブロックする:",
        NextStepKind.RequireUrlAuth => "関数 URL の呼び出しに署名（IAM 認証）を必須にする:",
        _ => kind.ToString(),
    };

    private static string Principal(RiskStrings s) => s.PrincipalKind switch
    {
        ResourceKind.User => $" IAM ユーザー {s.Principal} ",
        ResourceKind.Role => $" IAM ロール {s.Principal} ",
        _ => $" IAM グループ {s.Principal} ",
    };
}
