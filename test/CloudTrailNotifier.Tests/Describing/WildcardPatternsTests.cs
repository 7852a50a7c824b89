using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// An inline policy is admin-equivalent when its Action and Resource wildcards match everything in any spelling
/// IAM accepts (<c>**</c>, <c>*?*</c>, <c>*:*?</c>, <c>arn:*</c>, <c>arn:aws:*:*:*:*</c>), not only literal <c>*</c>.
/// </summary>
public sealed class WildcardPatternsTests
{
    private static bool AllowsEverything(string action, string resource)
    {
        var document = $$"""{"Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""";
        using var parsed = JsonDocument.Parse("\"" + JsonEncodedText.Encode(document) + "\"");
        return PolicyDocuments.AllowsEverything(parsed.RootElement);
    }

    [Theory]
    [InlineData("*", "*")]
    [InlineData("**", "*")]
    [InlineData("*?*", "*")]
    [InlineData("*:*", "*")]
    [InlineData("*:*?", "*")]
    [InlineData("?*:*", "**")]
    [InlineData("*", "arn:aws:*:*:*:*")]
    [InlineData("*", "arn:*")]
    [InlineData("*", "arn:aws:*")]
    [InlineData("*", "arn:*:*:*:*:*")]
    [InlineData("*", "arn:aws-cn:*:*:*:*")]
    [InlineData("*", "arn:aws:*?:*:*:*")]
    public void Wildcards_that_match_every_action_and_resource_allow_everything(string action, string resource) =>
        Assert.True(AllowsEverything(action, resource));

    [Theory]
    [InlineData("s3:*", "*")]
    [InlineData("*:Get*", "*")]
    [InlineData("iam:*", "arn:aws:*:*:*:*")]
    [InlineData("*", "arn:aws:s3:::*")]
    [InlineData("*", "arn:aws:*:us-east-1:*:*")]
    [InlineData("*", "arn:aws:*:*:111111111111:*")]
    [InlineData("*", "arn:aws:*:?:*:*")]
    [InlineData("*", "arn:aws:*:*:*:role/*")]
    [InlineData("?", "*")]
    [InlineData("*", "???")]
    [InlineData("*", "arn:example:*:*:*:*")]
    public void Wildcards_that_leave_some_action_or_resource_out_do_not(string action, string resource) =>
        Assert.False(AllowsEverything(action, resource));

    [Theory]
    [InlineData("iampol-resource-arn-all.json")]
    [InlineData("iampol-resource-arnstar.json")]
    [InlineData("iampol-resource-starstar.json")]
    [InlineData("iampol-action-starstar.json")]
    [InlineData("iampol-action-qstar.json")]
    [InlineData("iampol-action-wild-colon.json")]
    public void The_reviews_admin_equivalent_inline_policies_are_critical(string file)
    {
        // inputs22 of security review 22: PutUserPolicy with Allow of every action on every resource, spelled otherwise.
        var path = Path.Combine(TestPaths.RepositoryRoot, "test", "CloudTrailNotifier.Tests", "Describing", "Inputs", file);
        var notification = new Notifier(RenderOptions.Default).Notify(File.ReadAllBytes(path));

        Assert.StartsWith("[CRITICAL]", notification.Subject, StringComparison.Ordinal);
    }
}
