using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class ReadmeTests
{
    [Fact]
    public void The_readme_opens_with_the_seed_notification_exactly_as_approved()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("<!-- notification:start -->\n```text\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n```\n<!-- notification:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has no notification block");
        var shown = readme[(start + "<!-- notification:start -->\n```text\n".Length)..end];

        var golden = File.ReadAllText(Path.Combine(Golden.Directory, "secretsmanager-get-secret-value.en.approved.txt"));
        var approvedText = golden[..golden.IndexOf("\n----- publish request", StringComparison.Ordinal)].TrimEnd('\n');

        Assert.Equal(approvedText, shown);
        Assert.True(readme.IndexOf("<!-- notification:start -->", StringComparison.Ordinal) < readme.IndexOf("## ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_shows_the_high_risk_example_exactly_as_approved()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        const string Open = "<!-- high-risk:start -->\n```text\n";
        var start = readme.IndexOf(Open, StringComparison.Ordinal);
        var end = readme.IndexOf("\n```\n<!-- high-risk:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has no high-risk example");

        var golden = File.ReadAllText(Path.Combine(Golden.Directory, "iam-attach-user-policy-administrator.en.approved.txt"));
        var approvedText = golden[..golden.IndexOf("\n----- publish request", StringComparison.Ordinal)].TrimEnd('\n');

        Assert.Equal(approvedText, readme[(start + Open.Length)..end]);
        Assert.Contains("What to do", approvedText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_shows_the_seed_chat_card_exactly_as_approved()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        const string Open = "<!-- chat-card:start -->\n```text\n";
        var start = readme.IndexOf(Open, StringComparison.Ordinal);
        var end = readme.IndexOf("\n```\n<!-- chat-card:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has no chat card");

        var golden = File.ReadAllText(Path.Combine(Golden.Directory, "Chat", "secretsmanager-get-secret-value.en.approved.txt"));
        const string Shown = "\n----- as the chat shows it -----\n";
        var approvedCard = golden[(golden.IndexOf(Shown, StringComparison.Ordinal) + Shown.Length)..].TrimEnd('\n');

        Assert.Equal(approvedCard, readme[(start + Open.Length)..end]);
        Assert.Contains("`sample/secret`", approvedCard, StringComparison.Ordinal);
    }
}
