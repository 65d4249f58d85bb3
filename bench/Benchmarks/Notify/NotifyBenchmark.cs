using System.Diagnostics;
using System.Globalization;
using OrleansPortal.Fakes;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Testing;
using OrleansPortal.Testing.Workload;

namespace OrleansPortal.Benchmarks.Notify;

/// <summary>
/// N reminders (default 10,000) come due in the same minute, half by SMS to a fake Twilio and half by email to a real
/// SMTP server process. When half have arrived, the app is killed with SIGKILL and started again; the benchmark waits
/// until every reminder has arrived (or two minutes pass) and counts, at the receivers, each reminder's copies.
/// <para>
/// The reminders are queued straight into the outbox, as the visit grains queue theirs (a row due at its hour), with no
/// customer attached: the rules' per-contact lookups (preferences, caps) are not part of what this measures.
/// </para>
/// Last line: <c>notify &lt;N&gt; msgs/s, duplicates &lt;d&gt;, lost &lt;l&gt;</c>; the rate is messages over the time spent sending
/// (from their due time to the kill, plus from the restarted node's first arrival to its last: its start-up is not counted).
/// </summary>
internal static class NotifyBenchmark
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var postgres = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_POSTGRES") ?? throw new InvalidOperationException("Run this through bench/run.");
        var appDirectory = Environment.GetEnvironmentVariable("ORLEANSPORTAL_BENCH_APP") ?? throw new InvalidOperationException("Run this through bench/run.");

        await using var twilio = await FakeTwilio.StartAsync();
        await using var smtp = await MaildirServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("orleansportal-bench-notify-").FullName;
        var port = FreePort.Next();
        var settings = AppNode.Settings(postgres, $"bench-{Guid.NewGuid():N}", Path.Combine(directory, "shared"));
        settings["Email__SmtpHost"] = "127.0.0.1";
        settings["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email__From"] = "Porto Repairs <visits@porto-repairs.example>";
        settings["Sms__AccountSid"] = twilio.AccountSid;
        settings["Sms__AuthToken"] = twilio.AuthToken;
        settings["Sms__From"] = "+351220000000";
        settings["Sms__ApiBaseUrl"] = twilio.BaseUrl.ToString();
        settings["Portal__PublicBaseUrl"] = $"http://127.0.0.1:{port}";

        var node = AppNode.Start("notify", directory, settings, port, appDirectory);
        await node.WaitHealthyAsync(TimeSpan.FromSeconds(120));

        // Queued as the visit grains queue reminders: rendered, each with its delivery key, due at one instant.
        var tenant = $"bench-{Guid.NewGuid():N}";
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        await using (var database = new PortalDatabase(new SiloDatabase(AdoNetInvariants.PostgreSql, postgres)))
        {
            var outbox = new NotificationOutbox(database);
            await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
                await outbox.EnqueueAsync(Reminder(tenant, i, due), DateTimeOffset.UtcNow));
        }
        Console.WriteLine($"{total} reminders queued, due at {due:HH:mm:ss.fff}");

        var clock = Stopwatch.StartNew();
        int Arrived() => twilio.Messages.Count + smtp.Count;
        while (Arrived() < total / 2)
        {
            if (clock.Elapsed > Settle) throw new TimeoutException($"Only {Arrived()} of {total} reminders arrived in {Settle.TotalSeconds:0} s; the app's log:\n{node.RecentLog()}");
            await Task.Delay(10);
        }

        await node.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var atKill = Arrived();
        Console.WriteLine($"SIGKILL after {atKill} arrivals, {(killedAt - due).TotalSeconds:F2} s after they came due");
        await node.DisposeAsync();

        // The restarted node sends as soon as its silo runs, before it answers /health: arrivals are watched from its start.
        node = AppNode.Start("notify", directory, settings, port, appDirectory);
        var restartedAt = DateTimeOffset.UtcNow;
        var healthy = node.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        var counted = atKill;
        DateTimeOffset? firstAfter = null, lastArrival = null;
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < Settle)
        {
            await Task.Delay(10);
            var now = Arrived();
            if (now == counted) continue;
            firstAfter ??= DateTimeOffset.UtcNow;
            (counted, lastArrival) = (now, DateTimeOffset.UtcNow);
            if (counted >= total && Copies(twilio, smtp).Count >= total) break;
        }
        await healthy;
        Console.WriteLine($"restarted: healthy {(DateTimeOffset.UtcNow - restartedAt).TotalSeconds:F1} s after its start; first arrival {((firstAfter ?? restartedAt) - restartedAt).TotalSeconds:F1} s after it");
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything still in flight (a copy sent twice) lands now
        await node.DisposeAsync();

        var copies = Copies(twilio, smtp);
        var duplicates = copies.Values.Sum(c => c - 1);
        var lost = total - copies.Count;
        // Sending time: from due to the kill, and from the restarted node's first arrival to its last (its start-up excluded).
        var afterRestart = firstAfter is { } first && lastArrival is { } last ? last - first : TimeSpan.Zero;
        var sending = (killedAt - due) + afterRestart;
        var rate = copies.Count / sending.TotalSeconds;
        Console.WriteLine($"sms: {twilio.Messages.Count} received; email: {smtp.Count} received");
        Console.WriteLine($"{copies.Count} of {total} reminders arrived; {duplicates} extra copies; {lost} never arrived");
        Console.WriteLine($"sending time {sending.TotalSeconds:F1} s ({atKill} before the kill in {(killedAt - due).TotalSeconds:F1} s, {copies.Count + duplicates - atKill} after the restart in {afterRestart.TotalSeconds:F1} s); wall {((lastArrival ?? killedAt) - due).TotalSeconds:F1} s");
        Console.WriteLine($"notify {rate:F0} msgs/s, duplicates {duplicates}, lost {lost}");
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static OutgoingMessage Reminder(string tenant, int i, DateTimeOffset due)
    {
        var sms = i % 2 == 0;
        var text = $"Reminder {i}: your visit from Porto Repairs is tomorrow between 10:00 and 12:00.";
        return new OutgoingMessage(
            tenant, $"Reminder:bench-{i}:24h", NotificationTrigger.Reminder, sms ? NotificationChannel.Sms : NotificationChannel.Email,
            sms ? $"+3519{i:D8}" : $"customer{i}@bench.example", null, null, $"bench-{i}", "en",
            sms ? null : "Your visit tomorrow", text, sms ? null : $"<p>{text}</p>", Urgent: false, Marketing: false, due);
    }

    /// <summary>Copies received of each reminder: SMS by the reminder's number in its text, email by its Message-Id.</summary>
    private static Dictionary<string, int> Copies(FakeTwilio twilio, MaildirServer smtp)
    {
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in twilio.Messages.Select(m => "sms:" + m.Body).Concat(smtp.MessageIds().Select(id => "email:" + id)))
            copies[key] = copies.GetValueOrDefault(key) + 1;
        return copies;
    }
}
