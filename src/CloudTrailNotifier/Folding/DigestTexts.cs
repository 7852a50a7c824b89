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
    string Sessions,
    Func<int, bool, string> MoreSessions,
    Func<int, int, string> EventIds,
    string RateGuard,
    string RateGuardOwnShare,
    Func<int, string> RateGuardFull,
    string History,
    string None)
{
    public static DigestTexts For(NotificationLanguage language) => language == NotificationLanguage.Japanese ? Japanese : English;

    /// <summary>After the named sessions, how many more the folded calls had ("and 3 more sessions"); null with none.</summary>
    public string? MoreSessionsOf(GroupState group) =>
        group.MoreSessionCount > 0 ? MoreSessions(group.MoreSessionCount, group.MoreSessionCount >= GroupState.MoreSessionsLimit) : null;

    /// <summary>
    /// What the digest says of the rate guard, if it acted: who caused it (this principal's own share used up, or the
    /// principals that filled a minute), or only that it acted for a group folded before the cause was kept.
    /// </summary>
    public IEnumerable<string> RateGuardLines(GroupState group)
    {
        if (!group.RateGuarded)
        {
            yield break;
        }

        if (group.RateGuardOwn)
        {
            yield return RateGuardOwnShare;
        }

        if (group.RateGuardPrincipals > 0)
        {
            yield return RateGuardFull(group.RateGuardPrincipals);
        }
        else if (!group.RateGuardOwn)
        {
            yield return RateGuard;
        }
    }

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
        "Sessions",
        (more, atLeast) => atLeast ? $"and {more} or more other sessions" : $"and {more} more {(more == 1 ? "session" : "sessions")}",
        (shown, total) => $"Event ids ({shown} of {total})",
        "The rate guard acted: notifications per minute reached their limit, so first events were folded too.",
        "The rate guard acted: this principal had more first events in a minute than its share (a third of the limit), so its own first events were folded too; other principals' were still sent.",
        principals => $"The rate guard acted: the first events of {principals} {(principals == 1 ? "principal" : "principals")} filled a minute's limit (each may take a third at most), so other first events were folded too, this one's included; the notifications sent in that minute show who filled it.",
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
        "セッション",
        (more, atLeast) => atLeast ? $"ほか{more}件以上のセッション" : $"ほか{more}件のセッション",
        (shown, total) => $"イベントID ({total}件中{shown}件)",
        "レートガードが作動しました: 1分あたりの通知数が上限に達したため、最初のイベントもまとめました。",
        "レートガードが作動しました: この実行者の1分あたりの最初のイベントが割り当て (上限の3分の1) を超えたため、この実行者の最初のイベントもまとめました。他の実行者の最初のイベントは通知されています。",
        principals => $"レートガードが作動しました: 実行者{principals}件の最初のイベントで1分あたりの上限に達したため (1件の実行者が使えるのは3分の1まで)、他の実行者の最初のイベントもまとめました (このグループを含む)。上限を埋めた実行者は、その1分間に送られた通知で確認できます。",
        "イベント履歴",
        "なし");
}
