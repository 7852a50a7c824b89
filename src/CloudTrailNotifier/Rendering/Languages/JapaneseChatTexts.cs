namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>The chat card's own words in Japanese.</summary>
internal sealed class JapaneseChatTexts : ChatTexts
{
    public static JapaneseChatTexts Instance { get; } = new();

    public override string DetailsInEmail => "ID、リクエスト、パラメーターの全体はメール通知をご覧ください。";

    public override string LinesOmitted(int lines) => $"(チャットに収めるため {lines} 行を省略しました。メールにはすべて載っています。)";

    public override string FallbackHeadline =>
        "CloudTrailNotifier は解釈できないイベントを受信しました。失われないよう、メール通知に受信したままの内容を載せています。";

    public override string FallbackExcerpt => "イベントの冒頭";
}
