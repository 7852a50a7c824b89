using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Folding;

/// <summary>The words of a digest, in English and Japanese (kept apart from the event texts, which another layout owns).</summary>
internal sealed record DigestTexts(
    Func<int, string, string> Subject,
    Func<int, string, string> Headline,
    string FirstSent,
    string Who,
    string Resource,
    string Outcome,
    string Account,
    string Region,
    string Between,
    string And,
    Func<int, string> From,
    string UserAgents,
    Func<int, int, string> EventIds,
    string RateGuard,
    string History,
    string None)
{
    public static DigestTexts For(NotificationLanguage language) => language == NotificationLanguage.Japanese ? Japanese : English;

    private static readonly DigestTexts English = new(
        (count, what) => $"Digest: {count} more {what} calls",
        (count, what) => $"{count} more {(count == 1 ? "call" : "calls")} of {what}, folded into this digest.",
        "The first call of the group was sent on its own when it happened.",
        "Who",
        "Resource",
        "Outcome",
        "Account",
        "Region",
        "Between",
        "and",
        calls => $"From (first {calls} calls)",
        "User agents",
        (shown, total) => $"Event ids ({shown} of {total})",
        "The rate guard acted: notifications per minute reached their limit, so first events were folded too.",
        "Event history",
        "none");

    private static readonly DigestTexts Japanese = new(
        (count, what) => $"ダイジェスト: {what} さらに{count}件",
        (count, what) => $"{what} の呼び出しがさらに{count}件あり、このダイジェストにまとめました。",
        "このグループの最初の呼び出しは発生時に個別に通知済みです。",
        "実行者",
        "リソース",
        "結果",
        "アカウント",
        "リージョン",
        "期間",
        "〜",
        calls => $"送信元 (最初の{calls}件)",
        "ユーザーエージェント",
        (shown, total) => $"イベントID ({total}件中{shown}件)",
        "レートガードが作動しました: 1分あたりの通知数が上限に達したため、最初のイベントもまとめました。",
        "イベント履歴",
        "なし");
}
