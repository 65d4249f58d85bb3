using System.Text.Json.Nodes;
using OrleansPortal.Fakes;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// Makes the events the benchmark delivers, on the fake Stripe (which holds them all): customers paying the invoices
/// (most one at a time, a quarter several at once, some in part; by card, by a card declined then a good one, by SEPA
/// debit that is processing then succeeds or fails; some giving up after a decline), refunds of some payments (whole
/// from the dashboard, or part of one invoice from the office), 200 monthly subscriptions bought at checkout and
/// renewed (some renewals failing once, then paid) until the stream has its size (the subscriptions are the app's
/// plans: see <see cref="PlanEnrolments"/>), and forged events (payment
/// succeeded for a PaymentIntent nobody paid). Every random choice is drawn from one seed before anything runs.
/// </summary>
internal sealed class PaymentStream(FakeStripe fake, StripeCustomers customers, Random random)
{
    private const int Concurrency = 8;
    private Dictionary<string, string> _ours = []; // Stripe's subscription id: the app's

    public ExpectedMoney Expected { get; } = new();

    /// <summary>Forged events, signed by nobody the app trusts; posted wrongly signed, they must be refused.</summary>
    public List<FakeStripeEvent> Forged { get; } = [];

    /// <summary>Subscription ids, for the delivery report.</summary>
    public List<string> SubscriptionIds { get; } = [];

    /// <summary>
    /// Plays everything at the fake, the subscriptions for <paramref name="enrolments"/>; returns the held events (the
    /// forged ones are in <see cref="Forged"/>).
    /// </summary>
    public async Task<IReadOnlyList<FakeStripeEvent>> MakeAsync(IReadOnlyList<BookedInvoice> invoices, IReadOnlyList<Enrolment> enrolments, int events, double forgedShare)
    {
        foreach (var invoice in invoices) Expected.Billed(invoice);
        var payments = Plan(invoices);
        var paid = new PlannedPayment[payments.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, payments.Count), Options(), async (i, _) =>
            paid[i] = payments[i] with { PaymentIntentId = await customers.PayAsync(payments[i].CustomerId, payments[i].Paying, payments[i].Way) });
        await SettledAsync(paid);
        await Parallel.ForEachAsync(paid.Where(p => p.Refund is not null), Options(), async (p, _) => await RefundAsync(p));

        var forged = (int)Math.Round(events * forgedShare);
        await ForgeAsync(invoices, paid, forged);

        var subscriptions = new string[enrolments.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, enrolments.Count), Options(), async (n, _) =>
        {
            subscriptions[n] = await customers.SubscribeAsync(enrolments[n], n);
            Expected.PeriodPaid(enrolments[n].SubscriptionId, (string)fake.Find(subscriptions[n])!["latest_invoice"]!);
        });
        SubscriptionIds.AddRange(subscriptions);
        _ours = subscriptions.Zip(enrolments, (stripe, ours) => (stripe, ours.SubscriptionId)).ToDictionary(p => p.stripe, p => p.SubscriptionId, StringComparer.Ordinal);
        await RenewUntilAsync(events - forged);
        return fake.TakeHeldEvents();
    }

    private List<PlannedPayment> Plan(IReadOnlyList<BookedInvoice> invoices)
    {
        var plan = new List<PlannedPayment>();
        foreach (var ofCustomer in invoices.GroupBy(i => i.CustomerId))
        {
            var left = new Queue<BookedInvoice>(ofCustomer);
            while (left.Count > 0)
            {
                var draw = random.NextDouble();
                if (draw < 0.08)
                {
                    var unpaid = left.Dequeue(); // left owing; half of these saw one declined attempt
                    if (random.Next(2) == 0) plan.Add(Payment(ofCustomer.Key, [(unpaid, unpaid.Total)], PayingWay.Declined));
                }
                else if (draw < 0.28 && left.Count >= 2)
                {
                    var together = Enumerable.Range(0, Math.Min(left.Count, random.Next(2, 5))).Select(_ => left.Dequeue()).ToList();
                    plan.Add(Payment(ofCustomer.Key, [.. together.Select(i => (i, i.Total))], Way()));
                }
                else if (draw < 0.33)
                {
                    var invoice = left.Dequeue();
                    plan.Add(Payment(ofCustomer.Key, [(invoice, invoice.Total / 2)], Way())); // pays half: partially paid
                }
                else
                {
                    var invoice = left.Dequeue();
                    plan.Add(Payment(ofCustomer.Key, [(invoice, invoice.Total)], Way()));
                }
            }
        }

        return plan;
    }

    private PlannedPayment Payment(string customerId, List<(BookedInvoice Invoice, long Amount)> paying, PayingWay way)
    {
        PlannedRefund? refund = null;
        if (Succeeds(way) && random.NextDouble() < 0.15)
        {
            // One invoice paid: all of it back from the dashboard, or a third from the office. Several: half of one invoice's share, from the office.
            var (invoice, amount) = paying[random.Next(paying.Count)];
            refund = paying.Count == 1 && random.Next(2) == 0 ? new PlannedRefund(null, amount) : new PlannedRefund(invoice.Id, paying.Count == 1 ? amount / 3 : amount / 2);
        }

        return new PlannedPayment(customerId, paying, way, refund);
    }

    private PayingWay Way() => random.NextDouble() switch
    {
        < 0.55 => PayingWay.Card,
        < 0.70 => PayingWay.DeclinedThenCard,
        < 0.92 => PayingWay.Debit,
        _ => PayingWay.FailingDebit,
    };

    // Debits settle in the fake's background a moment after the page: wait for each payment's final status, then expect it.
    private async Task SettledAsync(IReadOnlyList<PlannedPayment> paid)
    {
        foreach (var payment in paid)
        {
            var id = payment.PaymentIntentId!;
            while ((string?)fake.Find(id)!["status"] == "processing") await Task.Delay(20);
            var succeeded = (string?)fake.Find(id)!["status"] == "succeeded";
            if (succeeded != Succeeds(payment.Way))
                throw new InvalidOperationException($"{id} ({payment.Way}) ended {fake.Find(id)!["status"]}.");
            Expected.PaymentStatuses[id] = succeeded ? "succeeded" : "failed";
            if (succeeded)
                foreach (var (invoice, amount) in payment.Paying) Expected.Paid(invoice.Id, id, amount);
        }
    }

    private async Task RefundAsync(PlannedPayment payment)
    {
        var (invoiceId, amount) = payment.Refund!;
        var refundId = await customers.RefundAsync(payment.PaymentIntentId!, amount, invoiceId);
        // A dashboard refund of a one-invoice payment goes to that invoice; the office's names its invoice.
        Expected.Refunded(invoiceId ?? payment.Paying[0].Invoice.Id, refundId, amount);
    }

    // Payment succeeded, claims the forger, for a PaymentIntent of a real invoice that nobody confirmed.
    private async Task ForgeAsync(IReadOnlyList<BookedInvoice> invoices, IReadOnlyList<PlannedPayment> paid, int count)
    {
        var paidIds = paid.Where(p => Expected.PaymentStatuses[p.PaymentIntentId!] == "succeeded").SelectMany(p => p.Paying.Select(x => x.Invoice.Id)).ToHashSet();
        var targets = invoices.OrderBy(i => paidIds.Contains(i.Id)).Take(count).ToList(); // the unpaid first: what a forger wants paid
        foreach (var invoice in targets)
        {
            var intent = await customers.UnpaidIntentAsync(invoice.CustomerId, invoice);
            var claimed = fake.Find(intent.Id)!;
            claimed["status"] = "succeeded";
            claimed["amount_received"] = claimed["amount"]!.DeepClone();
            var e = FakeStripe.Forge("payment_intent.succeeded", claimed);
            Forged.Add(e);
            Expected.ForgedEvents[e.Id] = 0;
            Expected.ForgedPayments[intent.Id] = 0;
        }
    }

    // Monthly renewals round after round (one in five fails once, then is retried and paid) until the stream is full.
    private async Task RenewUntilAsync(int events)
    {
        while (true)
        {
            foreach (var subscription in SubscriptionIds)
            {
                if (fake.Events.Count >= events) return;
                if (random.Next(5) == 0) await fake.RenewAsync(subscription, succeed: false);
                var paid = await fake.RenewAsync(subscription, succeed: true);
                Expected.PeriodPaid(_ours[subscription], (string)paid!["id"]!);
            }
        }
    }

    private static bool Succeeds(PayingWay way) => way is PayingWay.Card or PayingWay.DeclinedThenCard or PayingWay.Debit;

    private static ParallelOptions Options() => new() { MaxDegreeOfParallelism = Concurrency };
}

internal sealed record PlannedRefund(string? InvoiceId, long Amount);

internal sealed record PlannedPayment(
    string CustomerId, List<(BookedInvoice Invoice, long Amount)> Paying, PayingWay Way, PlannedRefund? Refund, string? PaymentIntentId = null);
