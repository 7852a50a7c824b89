using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Tests.Rendering;

public sealed class MessageLimitsTests
{
    private const string CutNote = "[cut]";

    private static readonly MessageAttribute[] Attributes = [new("severity", "high"), new("eventName", "GetSecretValue")];

    [Fact]
    public void Attribute_bytes_count_name_type_and_value_in_utf8()
    {
        MessageAttribute[] attributes = [new("name", "値")];

        // "name" 4 + "String" 6 + "値" 3 bytes in UTF-8.
        Assert.Equal(13, MessageLimits.AttributeBytes(attributes));
    }

    [Fact]
    public void Publish_bytes_add_the_message_to_the_attributes()
    {
        var notification = new Notification("subject", "héllo", Attributes, EventId: null);

        Assert.Equal(6 + MessageLimits.AttributeBytes(Attributes), MessageLimits.PublishBytes(notification));
    }

    [Fact]
    public void A_message_that_fits_is_returned_unchanged()
    {
        var message = "line one\nline two\n";

        Assert.Same(message, MessageLimits.Fit(message, Attributes, CutNote));
    }

    [Fact]
    public void A_long_ascii_message_whose_bytes_fit_is_returned_unchanged()
    {
        // More than a third of the limit in characters, so only counting its bytes shows that it fits.
        var message = string.Concat(Enumerable.Repeat("an ascii line of the message\n", 200_000 / 29));

        Assert.True(message.Length * 3 > MessageLimits.MaxPublishBytes);
        Assert.Same(message, MessageLimits.Fit(message, Attributes, CutNote));
    }

    [Fact]
    public void A_japanese_message_of_the_same_length_is_cut()
    {
        var message = string.Concat(Enumerable.Repeat("日本語のメッセージの一行です。\n", 100_000 / 16));

        Assert.True(Encoding.UTF8.GetByteCount(message) > MessageLimits.MaxPublishBytes);
        Assert.EndsWith(CutNote + "\n", MessageLimits.Fit(message, Attributes, CutNote), StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_message_is_cut_at_a_line_end_and_says_so()
    {
        var line = new string('x', 99) + "\n";
        var message = string.Concat(Enumerable.Repeat(line, 3_000)); // 300,000 bytes

        var fitted = MessageLimits.Fit(message, Attributes, CutNote);

        Assert.EndsWith("\n" + CutNote + "\n", fitted, StringComparison.Ordinal);
        var kept = fitted[..^(CutNote.Length + 1)];
        Assert.True(kept.Length % line.Length == 0, "the cut falls at the end of a line");
        Assert.StartsWith(kept, message, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(fitted) + MessageLimits.AttributeBytes(Attributes) <= MessageLimits.MaxPublishBytes);
    }

    [Fact]
    public void Multibyte_text_is_measured_in_bytes_not_characters()
    {
        // 100,000 Japanese characters are 300,000 UTF-8 bytes: over the limit although the length is not.
        var message = string.Concat(Enumerable.Repeat(new string('秘', 99) + "\n", 1_000));

        var fitted = MessageLimits.Fit(message, Attributes, CutNote);

        Assert.NotEqual(message, fitted);
        Assert.True(Encoding.UTF8.GetByteCount(fitted) + MessageLimits.AttributeBytes(Attributes) <= MessageLimits.MaxPublishBytes);
    }

    [Fact]
    public void A_single_huge_line_is_cut_without_splitting_a_surrogate_pair()
    {
        var message = string.Concat(Enumerable.Repeat("\U0001F600", 100_000)); // 400,000 bytes, no line break

        var fitted = MessageLimits.Fit(message, Attributes, CutNote);
        var kept = fitted[..^(CutNote.Length + 1)];

        Assert.True(kept.Length > 0);
        Assert.True(kept.Length % 2 == 0, "only whole pairs are kept");
        Assert.True(char.IsLowSurrogate(kept[^1]));
        Assert.True(Encoding.UTF8.GetByteCount(fitted) + MessageLimits.AttributeBytes(Attributes) <= MessageLimits.MaxPublishBytes);
    }

    [Fact]
    public void Large_attributes_leave_less_room_for_the_message()
    {
        MessageAttribute[] large = [new("big", new string('a', 200_000))];
        var message = string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 1_000)); // 100,000 bytes

        var fitted = MessageLimits.Fit(message, large, CutNote);

        Assert.NotEqual(message, fitted);
        Assert.True(Encoding.UTF8.GetByteCount(fitted) + MessageLimits.AttributeBytes(large) <= MessageLimits.MaxPublishBytes);
    }
}
