using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OrleansPortal.Fakes;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// Delivers the stream as Stripe does when it is busy: every event once, one in five again (a redelivery, signed
/// afresh), the forged ones wrongly signed, all shuffled and posted by the fake Stripe with many in flight. An answer
/// other than 2xx or 400 (a 5xx, no answer) is retried after a pause, as Stripe retries, up to five times.
/// </summary>
internal static class WebhookStorm
{
    private const int Tries = 5;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public static List<Delivery> Shuffle(IReadOnlyList<FakeStripeEvent> events, IReadOnlyList<FakeStripeEvent> forged, double duplicateShare, Random random)
    {
        var deliveries = events.Select(e => new Delivery(e, Forged: false)).ToList();
        deliveries.AddRange(events.Where(_ => random.NextDouble() < duplicateShare).Select(e => new Delivery(e, Forged: false)));
        deliveries.AddRange(forged.Select(e => new Delivery(e, Forged: true)));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));
        return deliveries;
    }

    /// <summary>Posts every delivery with <paramref name="inFlight"/> at once; returns the wall time from the first post to the last answer.</summary>
    public static async Task<StormResult> DeliverAsync(FakeStripe fake, IReadOnlyList<Delivery> deliveries, int inFlight)
    {
        var answers = new ConcurrentBag<Answered>();
        var retries = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (delivery, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var reply = delivery.Forged ? await fake.PostWronglySignedAsync(delivery.Event) : await fake.PostEventAsync(delivery.Event);
                var final = (int)reply.Status is >= 200 and < 300 or 400 || attempt == Tries;
                answers.Add(new Answered(delivery, reply.Status, reply.Body, final));
                if (final) return;
                Interlocked.Increment(ref retries);
                await Task.Delay(RetryAfter);
            }
        });
        return new StormResult([.. answers], clock.Elapsed, retries);
    }
}

internal sealed record Delivery(FakeStripeEvent Event, bool Forged);

/// <summary>One answer the app gave; <paramref name="Final"/> when no retry followed it.</summary>
internal sealed record Answered(Delivery Delivery, HttpStatusCode Status, string Body, bool Final);

internal sealed record StormResult(IReadOnlyList<Answered> Answers, TimeSpan Wall, int Retries);
