using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>
/// This node's sender: claims due messages in batches, applies <see cref="DeliveryRules"/>, hands each to its channel and
/// settles it (sent, retried with backoff, failed, held, suppressed). Every node runs one; the outbox's leases keep them
/// from sending the same message. A message survives anything that happens here: until it is settled it is queued or
/// claimed, and a claim whose node died is taken over when its lease runs out.
/// <para>
/// Delivery is at least once. A node killed between the provider's acceptance and the "sent" write leaves the message
/// in doubt, and so does a send that timed out or lost its connection before the provider answered (the provider may
/// have taken it all the same); its next claim asks the channel whether the provider has it
/// (<see cref="IMessageChannel.FindSentAsync"/>) before sending it again.
/// </para>
/// </summary>
public sealed partial class OutboxDispatcher(
    INotificationOutbox outbox,
    OutboxSignal signal,
    DeliveryRules rules,
    IEnumerable<IMessageChannel> channels,
    DomainClock clock,
    IOptions<OutboxOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private string _owner = $"{Environment.MachineName}/pid-{Environment.ProcessId}/{Guid.NewGuid():N}";
    private static readonly TimeSpan TopUpPause = TimeSpan.FromMilliseconds(5);

    /// <summary>Lease kept spare beyond a send's timeout: the settling write and clock differences between nodes.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private readonly Dictionary<NotificationChannel, IMessageChannel> _channels = channels.ToDictionary(c => c.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A flow rather than batches: workers take claimed messages one by one, and the claimer tops the queue up as it
        // drains, so one slow message never holds back the batch it came with.
        var settings = options.Value;
        await TakeOverFromPredecessorAsync(stoppingToken);
        var queue = Channel.CreateBounded<Claimed>(new BoundedChannelOptions(settings.BatchSize) { SingleWriter = true });
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(() => WorkAsync(queue.Reader))).ToArray();
        try
        {
            await ClaimAsync(queue, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued here is still sent and settled below, so a graceful stop leaves nothing in doubt.
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    /// <summary>
    /// Once the app listens, names this process after its node (host name and HTTP port: no two live processes share
    /// them) and takes back the claims an earlier process of the node left when it died, so they are sent again (in
    /// doubt) now rather than when their leases run out. Without a listening port (the in-memory test server) the
    /// process's own name stays, and leases simply run out.
    /// </summary>
    private async Task TakeOverFromPredecessorAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        var port = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : 0)
            .FirstOrDefault(p => p > 0) ?? 0;
        if (port == 0) return;
        var node = $"{Environment.MachineName}:{port}/";
        _owner = node + Guid.NewGuid().ToString("N");
        try
        {
            var released = await outbox.ReleasePredecessorsAsync(node, _owner, clock.GetUtcNow(), stoppingToken);
            if (released > 0) LogTakenOver(released);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogClaimFailed(ex); // the leases run out by themselves
        }
    }

    private async Task ClaimAsync(Channel<Claimed> queue, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var room = settings.BatchSize - queue.Reader.Count;
            if (room < settings.BatchSize / 2)
            {
                await Task.Delay(TopUpPause, stoppingToken);
                continue;
            }

            IReadOnlyList<OutboxMessage> claimed;
            var claimedAt = clock.GetUtcNow();
            try
            {
                claimed = await outbox.ClaimDueAsync(_owner, room, settings.Lease, claimedAt, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: nothing can be claimed, and nothing is lost; look again after a pause.
                LogClaimFailed(ex);
                await Task.Delay(settings.PollInterval, stoppingToken);
                continue;
            }

            foreach (var message in claimed) await queue.Writer.WriteAsync(new Claimed(message, claimedAt + settings.Lease), CancellationToken.None);
            if (claimed.Count < room) await signal.WaitAsync(settings.PollInterval, stoppingToken); // nothing more is due now
        }
    }

    private async Task WorkAsync(ChannelReader<Claimed> queue)
    {
        await foreach (var (message, leaseEnds) in queue.ReadAllAsync())
        {
            // Too little lease left for a send to finish inside it (the queue waited on a slow provider): another node may
            // claim it while we send, so give it back instead; it is claimed again at once, with a fresh lease.
            if (leaseEnds - clock.GetUtcNow() < options.Value.SendTimeout + LeaseMargin)
            {
                await SettleAsync(() => outbox.RequeueAsync(message.Id, _owner, clock.GetUtcNow(), "requeued", "waited too long on this node", countAttempt: false, message.InDoubt, clock.GetUtcNow(), CancellationToken.None));
                continue;
            }

            await DeliverAsync(message);
        }
    }

    /// <summary>A claimed message and when its lease ends.</summary>
    private sealed record Claimed(OutboxMessage Message, DateTimeOffset LeaseEnds);

    private async Task DeliverAsync(OutboxMessage message)
    {
        var settings = options.Value;
        string? providerId = null;
        // Whether the provider may have this message: claimed in doubt until the provider is asked, and again from the
        // moment it is handed over until the provider answers.
        var inDoubt = message.InDoubt;
        var handedOver = false;
        using (var timeout = new CancellationTokenSource(settings.SendTimeout))
        {
            try
            {
                var decision = await rules.DecideAsync(message, clock.GetUtcNow(), timeout.Token);
                if (decision is DeliveryDecision.Suppress suppress)
                {
                    await SettleAsync(() => outbox.FinishAsync(message.Id, _owner, OutboxStatus.Suppressed, suppress.Why, clock.GetUtcNow(), CancellationToken.None));
                    return;
                }

                if (decision is DeliveryDecision.Hold hold)
                {
                    await SettleAsync(() => outbox.RequeueAsync(message.Id, _owner, hold.Until, "held", hold.Why, countAttempt: false, inDoubt, clock.GetUtcNow(), CancellationToken.None));
                    return;
                }

                if (!_channels.TryGetValue(message.Message.Channel, out var channel))
                {
                    await SettleAsync(() => outbox.FinishAsync(message.Id, _owner, OutboxStatus.Failed, $"no {message.Message.Channel} channel is configured", clock.GetUtcNow(), CancellationToken.None));
                    return;
                }

                if (inDoubt)
                {
                    providerId = await channel.FindSentAsync(message, timeout.Token);
                    if (providerId is not null) LogReconciled(message.Id);
                    inDoubt = false;
                }

                if (providerId is null)
                {
                    handedOver = true;
                    providerId = await channel.SendAsync(message, timeout.Token);
                }
            }
            catch (DeliveryFailedException failure) when (failure.Permanent)
            {
                await SettleAsync(() => outbox.FinishAsync(message.Id, _owner, OutboxStatus.Failed, Describe(failure), clock.GetUtcNow(), CancellationToken.None));
                return;
            }
            // One message's failure must not stop the others: whatever the channel or the rules threw (a transient provider
            // failure, a timeout, a grain call that failed), the message goes back to the queue and is tried again later;
            // in doubt if it was handed over and the provider never said no, for it may have taken it before the timeout.
            catch (Exception failure)
            {
                await RetryLaterAsync(message, failure, inDoubt || handedOver && MayHaveTakenIt(failure));
                return;
            }
        }

        // Only the outcome is written from here: the provider has the message, so a failure to store that must never
        // put it back in the queue as unsent. Unsettled, its lease lapses and its next claim is in doubt.
        await SettleAsync(async () =>
        {
            var settled = await outbox.MarkSentAsync(message.Id, _owner, providerId, clock.GetUtcNow(), CancellationToken.None);
            if (!settled) LogLostLease(message.Id);
            return settled;
        });
    }

    /// <summary>Whether a provider may have taken a message whose send failed: unless it answered no, it may have.</summary>
    private static bool MayHaveTakenIt(Exception failure) => failure is not DeliveryFailedException { Unanswered: false };

    private async Task RetryLaterAsync(OutboxMessage message, Exception failure, bool inDoubt)
    {
        var settings = options.Value;
        LogAttemptFailed(failure, message.Id, message.Message.Channel, message.Attempts);
        var detail = failure is DeliveryFailedException known ? Describe(known) : failure.GetType().Name + ": " + failure.Message;
        if (inDoubt) detail += " (the provider may have it: it is asked before the message goes again)";
        var now = clock.GetUtcNow();
        if (message.Attempts >= settings.MaxAttempts)
            await SettleAsync(() => outbox.FinishAsync(message.Id, _owner, OutboxStatus.Failed, $"gave up after {message.Attempts} attempts: {detail}", now, CancellationToken.None));
        else
            await SettleAsync(() => outbox.RequeueAsync(message.Id, _owner, now + RetryBackoff.After(message.Attempts, settings.FirstBackoff, settings.MaxBackoff, Random.Shared),
                "retry", detail, countAttempt: true, inDoubt, now, CancellationToken.None));
    }

    // A settlement the database refused leaves the claim to lapse: the message comes back in doubt after the lease.
    private async Task SettleAsync(Func<Task<bool>> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSettleFailed(ex);
        }
    }

    private static string Describe(DeliveryFailedException failure) => failure.ProviderCode is { } code ? $"{code}: {failure.Message}" : failure.Message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read; trying again shortly")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Channel}) failed on attempt {Attempt}")]
    private partial void LogAttemptFailed(Exception exception, long messageId, NotificationChannel channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message's outcome could not be stored; it will be claimed again in doubt")]
    private partial void LogSettleFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was settled by another node after this node's lease ran out")]
    private partial void LogLostLease(long messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took back {Count} messages an earlier process of this node had claimed when it stopped")]
    private partial void LogTakenOver(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was in doubt and the provider already had it: not sent again")]
    private partial void LogReconciled(long messageId);
}
