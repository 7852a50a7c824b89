using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Describing.Tampering;

namespace CloudTrailNotifier.Rendering.Languages;

internal sealed class JapaneseTexts : Texts
{
    public static JapaneseTexts Instance { get; } = new();

    private JapaneseTexts()
    {
    }

    public override AssessmentTexts Assessment => JapaneseAssessmentTexts.Instance;

    public override bool AsciiSubject => false;

    public override string SubjectTag(Signals signal) => signal switch
    {
        Signals.NotFromAws => "AWS以外から",
        Signals.Tampering => "改ざん",
        Signals.AccessDenied => "拒否",
        Signals.Error => "失敗",
        Signals.Root => "ルート",
        Signals.NoMfa => "MFAなし",
        Signals.UnknownAccount => "未知のアカウント",
        Signals.CrossAccount => "クロスアカウント",
        Signals.ConsoleSession => "コンソール",
        Signals.AwsService => "AWSサービス",
        _ => signal.ToString(),
    };

    // One string from its parts (a part that is null adds nothing), not one string per clause.
    public override string Subject(string action, string? resource, string actor, string? account) =>
        string.Concat(actor, " が ", resource, resource is null ? null : " に ", action, account is null ? null : " (", account, account is null ? null : ")");

    public override string UnknownEvent => "(名前のないイベント)";
    public override string UnknownCaller => "不明な呼び出し元";

    public override string Headline(Outcome outcome, string action, string? service, string? resource, string actor, string? errorCode)
    {
        // "resource に対して service の action", the parts that are there, inside the sentence: one string in all.
        var toward = resource is null ? null : " に対して ";
        var of = service is null ? null : " の ";
        return outcome switch
        {
            Outcome.Denied => string.Concat("アクセス拒否: ", actor, " が ", resource, toward, service, of, action, " を実行しようとしましたが、拒否されました (", errorCode, ")。"),
            Outcome.Failed => string.Concat("失敗: ", actor, " が ", resource, toward, service, of, action, " を実行しましたが、失敗しました (", errorCode, ")。"),
            _ => string.Concat(actor, " が ", resource, toward, service, of, action, " を実行しました。成功しています。"),
        };
    }

    public override string SignInHeadline(Outcome outcome, string action, string actor, string? errorCode) => outcome switch
    {
        Outcome.Succeeded when action == "ConsoleLogin" => $"{actor} が AWS マネジメントコンソールにサインインしました。",
        Outcome.Succeeded => $"{actor} のコンソールサインイン手順 {action} が成功しました。",
        _ => $"サインイン失敗: {actor} の {action} は失敗しました ({errorCode})。",
    };

    public override string Who => "実行者";
    public override string Action => "操作";
    public override string Result => "結果";
    public override string ErrorMessage => "エラーメッセージ";
    public override string Resource => "リソース";
    public override string Resources => "リソース";
    public override string Account => "アカウント";
    public override string From => "接続元";
    public override string Client => "クライアント";
    public override string ClientByUserAgent => "クライアント (ユーザーエージェントの申告)";
    public override string When => "日時";

    public override string Succeeded => "成功";
    public override string Denied(string code) => $"拒否 ({code})";
    public override string Failed(string code) => $"失敗 ({code})";
    public override string ReadOnlyCall => "読み取り専用";
    public override string WriteCall => "書き込み・変更を伴う操作";
    public override string ReadOnlyUnknown => "読み取り専用かどうかは記録なし";
    public override string Yes => "あり";
    public override string No => "なし";
    public override string Unknown => "記録なし";

    public override string ActionOn(string eventName, string? service, string readOnly) =>
        string.Concat(service, service is null ? null : " の ", eventName, " (", readOnly, ")");

    public override string AccountInRegion(string account, string? region) =>
        region is null ? account : $"{account} (リージョン {region})";

    public override string MoreResources(int count) => $"ほか {count} 件 (リクエストパラメータを参照)";

    public override string ResourceLabel(ResourceKind kind, string source) => kind switch
    {
        ResourceKind.Secret => "シークレット",
        ResourceKind.Parameter => "パラメータ",
        ResourceKind.Bucket => "バケット",
        ResourceKind.Object => "オブジェクト",
        ResourceKind.Role => "IAM ロール",
        ResourceKind.User => "IAM ユーザー",
        ResourceKind.Group => "IAM グループ",
        ResourceKind.Policy => "IAM ポリシー",
        ResourceKind.Key => "KMS キー",
        ResourceKind.Instance => "インスタンス",
        ResourceKind.Function => "関数",
        ResourceKind.Table => "テーブル",
        ResourceKind.Snapshot => "スナップショット",
        ResourceKind.Image => "イメージ",
        ResourceKind.Volume => "ボリューム",
        ResourceKind.Vpc => "VPC",
        ResourceKind.Subnet => "サブネット",
        ResourceKind.SecurityGroup => "セキュリティグループ",
        ResourceKind.NetworkInterface => "ネットワークインターフェイス",
        ResourceKind.FlowLog => "フローログ",
        ResourceKind.DbInstance => "DB インスタンス",
        ResourceKind.DbSnapshot => "DB スナップショット",
        ResourceKind.DbCluster => "DB クラスター",
        ResourceKind.Trail => "証跡",
        ResourceKind.Detector => "GuardDuty ディテクター",
        _ => source,
    };

    public override string Actor(Actor actor, ActorStrings s) => actor.Kind switch
    {
        ActorKind.Root => $"アカウント {s.Account ?? "(記録なし)"} のルートユーザー"
            + (s.Alias is null ? string.Empty : $" (エイリアス {s.Alias})"),
        // CloudTrail hides the user name of a console sign-in with a name that is no IAM user (it may be a mistyped password).
        ActorKind.IAMUser when actor.Name == HiddenByCloudTrail =>
            $"CloudTrail が伏せたユーザー名 ({HiddenByCloudTrail}: その名前の IAM ユーザーはなく、パスワードの打ち間違いかもしれません)",
        ActorKind.IAMUser => $"IAM ユーザー {s.Name}",
        ActorKind.AssumedRole or ActorKind.Role when s.PermissionSet is not null =>
            $"{s.Name} (IAM Identity Center ユーザー、許可セット {s.PermissionSet})",
        ActorKind.AssumedRole when s.Session is not null => $"IAM ロール {s.Role} のセッション {s.Session}",
        ActorKind.AssumedRole or ActorKind.Role => $"IAM ロール {s.Role ?? s.Name}",
        ActorKind.IdentityCenterUser => $"IAM Identity Center ユーザー {s.Name}",
        ActorKind.FederatedUser => $"フェデレーションユーザー {s.Name}",
        ActorKind.SAMLUser => $"SAML ユーザー {s.Name}" + (s.Provider is null ? string.Empty : $" (プロバイダー {s.Provider})"),
        ActorKind.WebIdentityUser => $"ウェブ ID ユーザー {s.Name}" + (s.Provider is null ? string.Empty : $" (プロバイダー {s.Provider})"),
        ActorKind.Anonymous => "匿名のパブリックアクセス（認証なし、AWS アカウントではありません）",
        ActorKind.AWSAccount => $"AWS アカウント {s.Name}",
        ActorKind.AWSService => $"AWS サービス {s.Name}",
        ActorKind.Directory => $"ディレクトリユーザー {s.Name}",
        ActorKind.Unknown => s.Name is null ? "CloudTrail が種類を特定できなかった ID" : $"{s.Name} (CloudTrail が種類を特定できなかった ID)",
        ActorKind.Missing => s.Name is null ? "イベントに呼び出し元の ID がありません" : $"{s.Name} (イベントに呼び出し元の ID がありません)",
        _ => $"種類 {s.Type} の ID: {s.Name}",
    } + (actor.Kind is ActorKind.Root or ActorKind.AWSAccount or ActorKind.Anonymous || s.Account is null ? string.Empty : $"、アカウント {s.Account}");

    public override string Source(SourceDescription source, string address) => source.Kind switch
    {
        SourceKind.IPv4 => $"{address} (IPv4、{(source.IsPrivate ? "プライベート" : "パブリック")} アドレス)",
        SourceKind.IPv6 => $"{address} (IPv6、{(source.IsPrivate ? "プライベート" : "パブリック")} アドレス)",
        SourceKind.AwsService => $"{address} (AWS サービス)",
        SourceKind.AwsInternal => $"{address} (AWS 内部)",
        SourceKind.Missing => "記録なし",
        _ => $"{address} (IP アドレスではありません)",
    };

    public override string ClientKindLabel(ClientKind kind) => kind switch
    {
        ClientKind.ConsoleBrowser => "ウェブブラウザ、AWS マネジメントコンソール",
        ClientKind.AwsCli => "コマンドライン",
        ClientKind.AwsSdk => "AWS SDK",
        ClientKind.Terraform => "コードによるインフラ管理",
        ClientKind.CloudFormation => "コードによるインフラ管理",
        ClientKind.AwsService => "AWS サービス",
        ClientKind.AwsInternal => "AWS 内部",
        ClientKind.OtherTool => "ツール",
        ClientKind.AiAgent => "AI コーディングエージェント",
        ClientKind.WebBrowser => "ウェブブラウザ",
        _ => "判別できないクライアント",
    };

    public override string NoUserAgent => "ユーザーエージェントの記録なし";
    public override string TimeNotReadable(string raw) => $"{raw} (日時として解釈できません)";
    public override string NoTime => "記録なし";

    public override string SignalsTitle => "注意点";

    public override string Signal(Signals signal, SignalContext c) => signal switch
    {
        Signals.NotFromAws => (c.EnvelopeSource is null ? "AWS 以外から: イベントに送信元 (source) がありません" : $"AWS 以外から: イベントの送信元 (source) は {c.EnvelopeSource} です")
            + "。AWS 自身の送信元は aws. で始まるものだけです。イベントバスへの events:PutEvents を許可された誰でも送れ、値もすべて書けます。対応する前に CloudTrail でこの呼び出しを確かめてください。",
        Signals.Tampering => Tampering(c),
        Signals.AccessDenied => $"アクセス拒否: 呼び出し元に権限がありませんでした ({c.ErrorCode})。",
        Signals.Error => $"呼び出しは {c.ErrorCode} で失敗しました。",
        Signals.Root => "ルートユーザー: アカウントのルート認証情報が使われました。",
        Signals.NoMfa => "MFA なし: 呼び出し元は多要素認証を使っていません。",
        Signals.UnknownAccount => $"未知のアカウント: アカウント {c.RecipientAccount} は組織のアカウント一覧 (ACCOUNT_NAMES) にありません。",
        Signals.CrossAccount => c.RecipientAccount is null
            ? $"クロスアカウント: 別のアカウント {c.CallerAccount} が操作しました。"
            : $"クロスアカウント: アカウント {c.CallerAccount} がアカウント {c.RecipientAccount} で操作しました。",
        Signals.ConsoleSession => c.ConsoleByUserAgentOnly
            ? "コンソールセッション (ユーザーエージェントの申告のみ): ユーザーエージェントが AWS マネジメントコンソールを名乗っていますが、これは呼び出し元が自由に書ける値で、CloudTrail の記録にコンソールセッションを示すものはほかにありません。"
            : "コンソールセッション: AWS マネジメントコンソールからの操作です。",
        Signals.AwsService => c.Service is null
            ? "AWS サービス: 人やプログラムが直接ではなく、AWS のサービスが呼び出しました。"
            : $"AWS サービス: 人やプログラムが直接ではなく、{c.Service} が呼び出しました。",
        _ => signal.ToString(),
    };

    public override string LinksTitle => "リンク";
    public override string CloudTrailEventLink => "CloudTrail イベント";
    public override string IdentityTitle => "ID 情報";
    public override string RequestTitle => "リクエスト";
    public override string RequestParametersTitle => "リクエストパラメータ";
    public override string AdditionalEventDataTitle => "追加イベントデータ";
    public override string ResponseElementsTitle => "レスポンス要素";
    public override string IdentifiersTitle => "識別子";

    public override string IdentityType => "種類";
    public override string Arn => "ARN";
    public override string PrincipalId => "プリンシパル ID";
    public override string AccessKey => "アクセスキー";
    public override string Mfa => "MFA";
    public override string SessionIssuer => "セッション発行元";
    public override string SessionStarted => "セッション開始";
    public override string SourceIdentity => "ソース ID";
    public override string InvokedBy => "呼び出し元サービス";
    public override string IdentityCenterUser => "Identity Center ユーザー";
    public override string IdentityStore => "ID ストア";
    public override string IdentityProvider => "ID プロバイダー";
    public override string CredentialId => "認証情報 ID";
    public override string InScopeOf => "実行スコープ";
    public override string DelegateAccount => "委任先アカウント";

    public override string Service => "サービス";
    public override string EventType => "イベントの種類";
    public override string UserAgent => "ユーザーエージェント";
    public override string Tls => "TLS";
    public override string VpcEndpoint => "VPC エンドポイント";

    public override string EventId => "イベント ID";
    public override string RequestId => "リクエスト ID";
    public override string EventBridgeId => "EventBridge ID";
    public override string EventVersion => "イベントバージョン";
    public override string DetailType => "詳細タイプ";

    public override string CharactersOmitted(int count) => $"… (残り {count:N0} 文字は省略)";
    public override string SectionTruncated(int totalBytes) => $"… (途中で省略: JSON 全体は {totalBytes:N0} バイト。残りは CloudTrail イベントを参照)";
    public override string Redacted(int characters) => $"[秘匿: {characters:N0} 文字]";
    public override string HiddenByCloudTrail => "[CloudTrail により非表示]";
    public override string NestedTooDeep => "… (これより深い階層は省略)";
    public override string JsonText => "(JSON テキスト)";
    public override string UrlEncodedJsonText => "(URL エンコードされた JSON テキスト)";

    public override string Footer(string? timeZone) =>
        "CloudTrailNotifier からの通知です。日時は "
        + (timeZone is null ? "UTC" : $"UTC と {timeZone}")
        + " で表示しています。値はイベントの記録どおりで、見えない文字や制御文字はエスケープ (\\n、\\u202E)、Web アドレスとドメイン名はリンクにならない形 (https[:]//、example[.]com) で表示しています。";

    public override string FallbackSubject => "[解釈不能] 解釈できないイベントを受信しました";
    public override string FallbackHeadline => "CloudTrailNotifier は解釈できないイベントを受信しました。失われないよう、受信したままの内容を以下に示します。";
    public override string FallbackReason => "理由";
    public override string FallbackSize(int bytes) => $"{bytes:N0} バイト";
    public override string FallbackRawTitle => "受信したイベント";
    public override string FallbackRawOmitted(int bytes) => $"… (残り {bytes:N0} バイトは省略)";

    private static string Tampering(SignalContext c)
    {
        var name = c.TamperName ?? "(記録なし)";
        var what = c.TamperTarget switch
        {
            TamperTargetKind.Trail => $"この呼び出しは CloudTrail の記録を止めるか弱めます (証跡 {name})。証跡が記録しない呼び出しは、この通知に届きません。",
            TamperTargetKind.Rule => $"この呼び出しはこの通知の EventBridge ルール {name} を変更します。通知が止まるか、別の宛先に送られるおそれがあります。",
            TamperTargetKind.Function => $"この呼び出しはこの通知の関数 {name} を変更します。通知が止まるか、書き換えられるおそれがあります。",
            TamperTargetKind.Topic => $"この呼び出しはこの通知の SNS トピック {name} (誰が発行・受信できるか) を変更します。",
            TamperTargetKind.Subscription => $"この呼び出しはこの通知の SNS トピック {name} のサブスクリプションを変更します。受信者に通知が届かなくなるおそれがあります。",
            TamperTargetKind.Alarm => $"この呼び出しはこの通知のアラーム {name} を変更します。通知の障害に気づけなくなるおそれがあります。",
            TamperTargetKind.Key => $"この呼び出しはこの通知のトピックを暗号化する KMS キー {name} を変更します。キーが無効化・削除されるか通知を拒むと、通知を発行できなくなります。",
            TamperTargetKind.Role => $"この呼び出しはこの通知の関数が使う IAM ロール {name} の権限を変更します。拒否 (Deny) や権限の削除で通知が止まります。",
            TamperTargetKind.Table => $"この呼び出しは DynamoDB テーブル {name} を変更します。この通知がまとめ (ダイジェスト) を送るまでイベントを保管する場所で、削除や変更でそれらのイベントが送られなくなるおそれがあります。",
            _ => $"この呼び出しはこの通知のデッドレターキュー {name} を変更します。保管中のイベントが失われるおそれがあります。",
        };
        return c.ThroughCloudFormation
            ? $"改ざん: {what}CloudFormation 経由の呼び出しです (sam deploy などスタックのデプロイ中)。"
            : $"改ざん: {what}意図した操作か確認してください。";
    }
}
