using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansPortal.Benchmarks.Notify;
using OrleansPortal.Fakes;
using OrleansPortal.Testing;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// Stripe's webhook under load, on the published app (its own process, PostgreSQL with fsync on, email to a real SMTP
/// server process, Stripe played by the fake). Set-up, not measured: 1,000 invoices issued and 200 properties enrolled
/// in a maintenance plan through the office's API, then payments, refunds and the plans' subscriptions played at the
/// fake Stripe, which holds their events (see
/// <see cref="PaymentStream"/>). Measured: the fake posts the stream to <c>POST /api/v1/payments/stripe/webhook</c>,
/// shuffled, one in five events twice, 2 % forged and wrongly signed, 24 in flight (<see cref="WebhookStorm"/>).
/// Then the database is checked against what was paid (<see cref="LedgerAudit"/>).
/// <para>
/// Last line: <c>payments &lt;N&gt; events/s, balance errors &lt;e&gt;, double charges &lt;d&gt;</c>. N counts each correctly
/// signed event once (its redelivery is not counted again) when the app accepted it (200), over the wall time from the
/// first post to the last answer (retries' pauses included).
/// </para>
/// </summary>
internal static class PaymentsBenchmark
{
    private const int InvoiceCount = 1_000;
    private const int Subscriptions = 200;
    private const double DuplicateShare = 0.20;
    private const double ForgedShare = 0.02;
    private static readonly TimeSpan EmailsSettle = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var seed = Option(args, "--seed") ?? Environment.TickCount;
        var inFlight = Option(args, "--in-flight") ?? 24;
        var postgres = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES") ?? throw new InvalidOperationException("Run this through bench/run.");
        var appDirectory = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_APP") ?? throw new InvalidOperationException("Run this through bench/run.");
        var random = new Random(seed);

        await using var stripe = await FakeStripe.StartAsync();
        stripe.HoldEvents(); // everything is made first, then delivered by the storm
        stripe.DebitSettlesAfter = TimeSpan.FromMilliseconds(20);
        await using var smtp = await MaildirServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("orleansportal-bench-payments-").FullName;
        var adminKey = $"bench-{Guid.NewGuid():N}";
        var port = FreePort.Next();
        var settings = AppNode.Settings(postgres, adminKey, Path.Combine(directory, "shared"));
        settings["Payments__Stripe__SecretKey"] = stripe.SecretKey;
        settings["Payments__Stripe__WebhookSecret"] = stripe.WebhookSecret;
        settings["Payments__Stripe__ApiBase"] = stripe.BaseUrl.ToString();
        settings["Email__SmtpHost"] = "127.0.0.1";
        settings["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email__From"] = "Porto Repairs <billing@porto-repairs.example>";
        settings["Portal__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        await using var node = AppNode.Start("payments", directory, settings, port, appDirectory);
        await node.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        stripe.WebhookUrl = new Uri(node.Address, "/api/v1/payments/stripe/webhook");

        var (company, invoices) = await InvoiceBook.IssueAsync(node.Address, adminKey, InvoiceCount, random);
        await EmailsSettledAsync(smtp, InvoiceCount); // the "invoice issued" emails are set-up's, not the storm's
        var enrolments = await PlanEnrolments.EnrolAsync(node.Address, company, [.. invoices.Select(i => i.CustomerId).Distinct()], Subscriptions);
        using var customers = new StripeCustomers(stripe, company.TenantId);
        var stream = new PaymentStream(stripe, customers, random);
        var made = await stream.MakeAsync(invoices, enrolments, events, ForgedShare);
        var deliveries = WebhookStorm.Shuffle(made, stream.Forged, DuplicateShare, random);
        Console.WriteLine($"seed {seed}: {invoices.Count} invoices, {stream.Expected.PaymentStatuses.Count} payments, {stream.SubscriptionIds.Count} subscriptions; " +
            $"{made.Count + stream.Forged.Count} events ({stream.Forged.Count} forged), {deliveries.Count} deliveries, {inFlight} in flight");
        foreach (var type in made.GroupBy(e => e.Type).OrderByDescending(g => g.Count())) Console.WriteLine($"  {type.Count(),5} {type.Key}");

        var cpu = new CpuSplit(node.ProcessId, CpuSplit.PostgresPid());
        using var trace = await StartTraceAsync(node.ProcessId);
        cpu.Start();
        var storm = await WebhookStorm.DeliverAsync(stripe, deliveries, inFlight);
        Console.WriteLine(cpu.Describe(storm.Wall));
        if (trace is not null) await trace.WaitForExitAsync();
        var audit = await LedgerAudit.RunAsync(postgres, company.TenantId, stream.Expected);
        Console.WriteLine($"plan periods paid at Stripe: {stream.Expected.PaidPeriods.Values.Sum(p => p.Count)} for {enrolments.Count} enrolments, each checked to be one invoice of ours paid in full");
        var emails = smtp.Count;
        Console.WriteLine($"the app's log (kept, with the errors it logged): {Path.Combine(directory, "node.log")}");
        return Report(storm, audit, made, emails);
    }

    private static int Report(StormResult storm, AuditResult audit, IReadOnlyList<FakeStripeEvent> made, int emails)
    {
        var finals = storm.Answers.Where(a => a.Final).ToList();
        var accepted = finals.Where(a => !a.Delivery.Forged && a.Status == HttpStatusCode.OK).Select(a => a.Delivery.Event.Id).ToHashSet(StringComparer.Ordinal);
        var refused = made.Where(e => !accepted.Contains(e.Id)).ToList();
        var forged = finals.Where(a => a.Delivery.Forged).ToList();
        var renewals = made.Where(IsRenewal).ToList();
        var failures = storm.Answers.Where(a => !a.Delivery.Forged && a.Status != HttpStatusCode.OK).ToList();
        var rate = accepted.Count / storm.Wall.TotalSeconds;

        Console.WriteLine($"delivered in {storm.Wall.TotalSeconds:F1} s: {finals.Count} deliveries ({finals.Count / storm.Wall.TotalSeconds:F0}/s), {storm.Retries} retried after a failure");
        Console.WriteLine($"correctly signed: {accepted.Count} of {made.Count} events accepted (200); never accepted {refused.Count}");
        foreach (var failure in failures.GroupBy(f => f.Status).Take(5))
            Console.WriteLine($"  answered {(int)failure.Key} {failure.Count()} times, e.g. {failure.First().Delivery.Event.Type}: {Clip(failure.First().Body)}");
        Console.WriteLine($"wrongly signed: {forged.Count} posted, {forged.Count(a => a.Status == HttpStatusCode.BadRequest)} refused with 400");
        Console.WriteLine($"subscription renewals (invoice.paid / invoice.payment_failed, subscription_cycle): {renewals.Count}, " +
            $"{renewals.Count(e => accepted.Contains(e.Id))} acknowledged, {renewals.Count(e => audit.Processed.Contains(e.Id))} marked processed");
        Console.WriteLine($"emails received by the SMTP server (invoices issued, then receipts): {emails}; receipts in the outbox: {string.Join(", ", audit.Receipts)}");
        Console.WriteLine($"payment records not as Stripe has them: {audit.WrongPaymentRecords.Count}");
        foreach (var line in audit.BalanceErrors.Concat(audit.DoubleCharges).Concat(audit.WrongPaymentRecords).Take(20)) Console.WriteLine("  " + line);
        Console.WriteLine($"payments {rate:F0} events/s, balance errors {audit.BalanceErrors.Count}, double charges {audit.DoubleCharges.Count}");
        return 0;
    }

    private static bool IsRenewal(FakeStripeEvent e) =>
        e.Type is "invoice.paid" or "invoice.payment_failed" && (string?)JsonNode.Parse(e.Json)!["data"]!["object"]!["billing_reason"] == "subscription_cycle";

    // Waits until the SMTP server has the expected emails, or nothing new arrived for a few seconds.
    private static async Task EmailsSettledAsync(MaildirServer smtp, int expected)
    {
        var (last, quietSince, started) = (-1, DateTime.UtcNow, DateTime.UtcNow);
        while (smtp.Count < expected && DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(10) && DateTime.UtcNow - started < EmailsSettle)
        {
            await Task.Delay(200);
            if (smtp.Count != last) (last, quietSince) = (smtp.Count, DateTime.UtcNow);
        }

        Console.WriteLine($"set-up: {smtp.Count} \"invoice issued\" emails received");
    }

    // ORLEANSPORTAL_BENCH_TRACE=FILE.nettrace: the app's thread samples over the storm's first 20 s (dotnet-trace, on the PATH),
    // for `dotnet-trace report FILE topN`. Waits a moment for the session to start, so the storm's first events are in it.
    private static async Task<Process?> StartTraceAsync(int pid)
    {
        if (Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_TRACE") is not { Length: > 0 } file) return null;
        var trace = Process.Start(new ProcessStartInfo("dotnet-trace",
            ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", "00:00:00:20", "-o", file])
        {
            RedirectStandardOutput = true,
        })!;
        trace.OutputDataReceived += (_, e) => Console.Error.WriteLine(e.Data); // its progress is not this benchmark's output
        trace.BeginOutputReadLine();
        await Task.Delay(TimeSpan.FromSeconds(3));
        return trace;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
}
