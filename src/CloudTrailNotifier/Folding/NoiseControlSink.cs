using System.Text;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Duplicates, folding and the rate guard (a limit a minute, and a share of it per principal) in front of the real sink. Order: claim the event id (conditional
/// write), decide, publish, mark done; a failed publish releases the claim so Lambda's retry is not a duplicate.
/// The claim comes first because only it keeps a second delivery from publishing; "done" comes only after the
/// publish succeeded, so a crash in between leaves a claim that expires (the event stays retryable), never a
/// "done" for an alert that was not sent. A first event costs four calls: claim, open the window, rate counter, done.
/// When the state table cannot be used, or folding fails in any other way, the notification is sent anyway (fail
/// open: an alert is never lost or held back because of folding) and the delivery says <c>stateStore: skipped</c>.
/// What it folds by comes with the notification (<see cref="Notification.Fold"/>, read from the redacted event), its
/// <c>readOnly</c> and <c>severity</c> from the notification's attributes. A <c>Scheduled Event</c> runs the digest sweep instead.
/// </summary>
internal sealed class NoiseControlSink(INotificationSink inner, IStateStore store, FoldingSettings settings, RenderOptions options, TimeProvider clock)
    : INotificationSink
{
    private const int MaxConflicts = 5;

    public async Task<Delivery> DeliverAsync(Notification notification, Invocation invocation, CancellationToken cancellationToken)
    {
        if (FoldEventReader.IsScheduledEvent(invocation.Event))
        {
            return await new DigestSweeper(inner, store, options, clock, settings.PerMinute).SweepAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        if (notification.Fold is not { } facts)
        {
            return await inner.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
        }

        var evt = facts with { ReadOnly = Attribute(notification, "readOnly"), Severity = Attribute(notification, "severity") };
        ClaimResult claim;
        try
        {
            claim = await store.ClaimEventAsync(evt.EventKey, clock.GetUtcNow(), invocation.Deadline, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Fail open: whatever goes wrong in folding, the event is notified.
        catch (Exception ex) when (IsFoldingFailure(ex, cancellationToken))
#pragma warning restore CA1031
        {
            return await FailOpenAsync(notification, invocation, Problem(ex), claimed: false, evt, cancellationToken).ConfigureAwait(false);
        }

        if (claim == ClaimResult.Done)
        {
            return new Delivery(InvocationResultKind.Duplicate, Encoding.UTF8.GetBytes("""{"duplicate":true}"""), StateStore: "duplicate");
        }

        if (claim == ClaimResult.InProgress)
        {
            throw new DuplicateInProgressException();
        }

        FoldDecisionKind kind;
        try
        {
            kind = FoldingPolicy.IsUnfoldable(notification)
                ? FoldDecisionKind.SendNow
                : await DecideAsync(evt, invocation.Deadline, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Fail open: whatever goes wrong in folding, the event is notified.
        catch (Exception ex) when (IsFoldingFailure(ex, cancellationToken))
#pragma warning restore CA1031
        {
            return await FailOpenAsync(notification, invocation, Problem(ex), claimed: true, evt, cancellationToken).ConfigureAwait(false);
        }

        if (kind == FoldDecisionKind.Fold)
        {
            await TryMarkDoneAsync(evt, invocation, cancellationToken).ConfigureAwait(false);
            return new Delivery(InvocationResultKind.Folded, Encoding.UTF8.GetBytes("""{"folded":true}"""), StateStore: "folded");
        }

        Delivery delivery;
        try
        {
            delivery = await inner.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Not notified: give the id back so Lambda's retry is handled, not taken for a duplicate.
            await TryAsync(() => store.ReleaseEventAsync(evt.EventKey, invocation.Deadline, cancellationToken)).ConfigureAwait(false);
            throw;
        }

        var marked = await TryMarkDoneAsync(evt, invocation, cancellationToken).ConfigureAwait(false);
        return delivery with { StateStore = marked ? "recorded" : "skipped" };
    }

    /// <summary>
    /// The group's decision in as few calls as it takes. A first event is the common case worth a fast path: one
    /// conditional update opens the window (it succeeds only when <see cref="FoldDecider.CanOpen"/> holds), then the
    /// rate guard's counter. Anything else (a window open, a digest pending, a lost race, the rate guard refusing)
    /// goes to the pure decision with the group that the refused write returned, written back with a version check.
    /// </summary>
    private async Task<FoldDecisionKind> DecideAsync(FoldEvent evt, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The rate guard's share is the role's or user's, not the session's: a new session name is no new share.
        var principal = FoldDecider.PrincipalKey(evt.RatePrincipal ?? evt.Identity.Principal);
        var open = await store.OpenGroupAsync(FoldDecider.Opened(evt, now, settings.Window), now, deadline, cancellationToken).ConfigureAwait(false);
        RateGuardCause? refused = null;
        if (open.Written)
        {
            var take = await store.TakeRateSlotAsync(now, principal, settings.PerMinute, deadline, cancellationToken).ConfigureAwait(false);
            if (take.Taken)
            {
                return FoldDecisionKind.SendNow;
            }

            // Held back by the rate guard: the window just opened stays, and this event folds into its digest.
            refused = Cause(take, principal);
        }

        var state = open.Current;
        for (var attempt = 1; ; attempt++)
        {
            now = clock.GetUtcNow();
            var decision = FoldDecider.Decide(state, evt, now, settings.Window, rateAllows: refused is null, refused);
            if (decision.Kind == FoldDecisionKind.SendNow
                && await store.TakeRateSlotAsync(now, principal, settings.PerMinute, deadline, cancellationToken).ConfigureAwait(false) is { Taken: false } take)
            {
                refused = Cause(take, principal);
                decision = FoldDecider.Decide(state, evt, now, settings.Window, rateAllows: false, refused);
            }

            var write = await store.WriteGroupAsync(decision.NewState, state?.Version ?? 0, deadline, cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return decision.Kind;
            }

            if (attempt >= MaxConflicts)
            {
                throw new StateStoreException("ConflictLimit", $"the group changed under {MaxConflicts} attempts in a row");
            }

            state = write.Current;
        }
    }

    private RateGuardCause Cause(RateTake take, string principal) =>
        FoldDecider.CauseOf(take.Minute ?? RateMinute.Empty, principal, settings.PerMinute);

    private async Task<Delivery> FailOpenAsync(
        Notification notification, Invocation invocation, string problem, bool claimed, FoldEvent evt, CancellationToken cancellationToken)
    {
        Delivery delivery;
        try
        {
            delivery = await inner.DeliverAsync(notification, invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (claimed)
        {
            await TryAsync(() => store.ReleaseEventAsync(evt.EventKey, invocation.Deadline, cancellationToken)).ConfigureAwait(false);
            throw;
        }

        if (claimed)
        {
            await TryMarkDoneAsync(evt, invocation, cancellationToken).ConfigureAwait(false);
        }

        var note = delivery.Note is null ? $"state store skipped: {problem}" : $"{delivery.Note}; state store skipped: {problem}";
        return delivery with { StateStore = "skipped", Note = note };
    }

    private Task<bool> TryMarkDoneAsync(FoldEvent evt, Invocation invocation, CancellationToken cancellationToken) =>
        TryAsync(() => store.MarkEventDoneAsync(evt.EventKey, clock.GetUtcNow(), invocation.Deadline, cancellationToken));

    private static async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Bookkeeping after the decision: its failure must not fail an alert already handled.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Anything but the invocation being cancelled: the state store's errors, and any fault of folding itself.</summary>
    private static bool IsFoldingFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>The state store's own (cleaned) message; for any other failure its type only, as a message may quote the event.</summary>
    private static string Problem(Exception ex) =>
        ex is StateStoreException ? ex.Message : $"folding failed ({ex.GetType().Name})";

    private static string? Attribute(Notification notification, string name)
    {
        foreach (var attribute in notification.Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
