using System.Security.Cryptography;
using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// Delivers each notification twice: the email text through <paramref name="email"/> (to TOPIC_ARN, with its message
/// attributes, as without chat), then the chat card as a plain publish to CHAT_TOPIC_ARN (no MessageStructure json:
/// SNS would drop the email's attributes with it). Either failing fails the invocation, so Lambda retries it.
/// With the noise-control state table, an email that was published is recorded by a digest of its subject and
/// text, so a retry after a failed chat publish sends only the card; without the table, or when the record cannot
/// be written, the retry publishes the email again (at least once, never lost).
/// </summary>
internal sealed class ChatTopicSink(INotificationSink email, SnsPublisher publisher, SnsTopic chatTopic, IStateStore? store, TimeProvider clock)
    : INotificationSink
{
    public async Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        if (notification.ChatCard is not { } card)
        {
            return await email.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
        }

        var emailDelivery = await DeliverEmailOnceAsync(notification, invocation, cancellationToken).ConfigureAwait(false);

        PublishReceipt chat;
        try
        {
            chat = await publisher.PublishAsync(ForChat(notification, card), chatTopic, invocation.Deadline, invocation.TraceId, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SnsPublishException ex)
        {
            var already = emailDelivery is null ? "was already published" : "was published";
            throw new SnsPublishException(new SnsFailure(ex.Kind, ex.Code, ex.HttpStatus, ex.Message),
                $"chat topic: {ex.Message} (the email {already})", ex.Attempts);
        }

        var note = string.Join("; ", new[] { emailDelivery?.Note, chat.Note is null ? null : "chat: " + chat.Note }.Where(n => n is not null));
        return new Delivery(
            emailDelivery?.Kind ?? InvocationResultKind.Published,
            Response(emailDelivery?.MessageId, chat.MessageId),
            emailDelivery?.MessageId,
            note.Length == 0 ? null : note,
            emailDelivery?.StateStore);
    }

    /// <summary>The card as SNS publishes it: the JSON as the message, no subject, no attributes.</summary>
    public static Notification ForChat(Notification notification, string card) => new(string.Empty, card, [], notification.EventId);

    /// <summary>The email's delivery; null when this very email was already published by an earlier attempt.</summary>
    private async Task<Delivery?> DeliverEmailOnceAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        var key = store is null ? null : EmailKey(notification);
        var claimed = false;
        if (key is not null)
        {
            try
            {
                var claim = await store!.ClaimEventAsync(key, clock.GetUtcNow(), invocation.Deadline, cancellationToken).ConfigureAwait(false);
                if (claim == ClaimResult.Done)
                {
                    return null;
                }

                claimed = claim == ClaimResult.Claimed;
            }
            catch (StateStoreException)
            {
                // Fail open: the email is sent; only a retry might send it twice.
            }
        }

        Delivery delivery;
        try
        {
            delivery = await email.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (claimed)
        {
            await TryAsync(() => store!.ReleaseEventAsync(key!, invocation.Deadline, cancellationToken)).ConfigureAwait(false);
            throw;
        }

        if (key is not null)
        {
            await TryAsync(() => store!.MarkEventDoneAsync(key, clock.GetUtcNow(), invocation.Deadline, cancellationToken)).ConfigureAwait(false);
        }

        return delivery;
    }

    /// <summary>The state table's key for "this email was published": a digest of exactly what was sent.</summary>
    public static string EmailKey(Notification notification) =>
        "email-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notification.Subject + "\n" + notification.Message)));

    /// <summary><c>{"messageId":"...","chatMessageId":"..."}</c>; an id is null when SNS's answer could not be read or the email was sent before.</summary>
    private static byte[] Response(string? messageId, string? chatMessageId) =>
        JsonBytes.Write(default, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.WriteString("chatMessageId", chatMessageId);
            writer.WriteEndObject();
        });

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (StateStoreException)
        {
            // The record is an optimisation: without it a retry sends the email again.
        }
    }
}
