using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.BoardDrag;

/// <summary>
/// A full day for one company through the public API, as its office would set it up: technicians with skills, a home
/// base spread over Porto and working hours covering the whole day; customers with properties; one job per property
/// for today with an arrival window; every job assigned on the board (POST /api/v1/dispatch/assignments), the same
/// number to each technician. Requests run in parallel wherever the API takes them independently.
/// </summary>
internal sealed class BoardSeed(HttpClient http, string cookie)
{
    private const int Parallel = 32;
    private static readonly string[] Skills = ["hvac", "plumbing", "electrical", "gas"];

    /// <summary>
    /// The company's zone is the "Etc/GMT±N" zone where it is about noon now (the sign is POSIX's), so that "today"
    /// has twelve hours left whenever the benchmark runs and windows relative to now never cross midnight.
    /// </summary>
    public static string NoonZone()
    {
        var offset = 12 - DateTime.UtcNow.Hour; // -11..12
        return offset == 0 ? "Etc/GMT" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
    }

    /// <summary>Creates the day, saying when each phase is done; returns the technicians' ids in creation order.</summary>
    public async Task<string[]> CreateAsync(int technicians, int jobsPerTechnician, Action<string> done)
    {
        var zone = NoonZone();
        await SendAsync(HttpMethod.Put, "/api/v1/dispatch/settings", new { timeZone = zone, autoAssign = false });

        var ids = new string[technicians];
        await ForEachAsync(technicians, async t =>
        {
            var home = Home(t, technicians);
            // Everyone can do hvac (every job needs it); the other skills vary, as in a real crew.
            var skills = new[] { "hvac", Skills[1 + t % 3] };
            var created = await SendAsync(HttpMethod.Post, "/api/v1/technicians", new { name = $"Tech {t + 1:D2}", skills, homeBase = Point(home) });
            ids[t] = created.GetProperty("id").GetString()!;
            await SendAsync(HttpMethod.Put, $"/api/v1/technicians/{ids[t]}/schedule", new
            {
                timeZone = zone,
                workingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "00:00", end = "23:59" }),
                blackoutDates = Array.Empty<string>(),
                startLocation = Point(home),
                endLocation = Point(home),
                bufferBetweenJobs = "00:05:00",
                certifications = Array.Empty<object>(),
            });
        });

        done($"{technicians} technicians with their working hours");

        // One customer per technician's neighbourhood, with one property per job.
        var customers = new string[technicians];
        await ForEachAsync(technicians, async t =>
            customers[t] = (await SendAsync(HttpMethod.Post, "/api/v1/customers", new { name = $"Customer {t + 1:D2}", kind = "Residential" })).GetProperty("id").GetString()!);

        var jobs = technicians * jobsPerTechnician;
        var tickets = new string[jobs];
        var now = DateTimeOffset.UtcNow;
        await ForEachAsync(jobs, async j =>
        {
            var (t, k) = (j / jobsPerTechnician, j % jobsPerTechnician);
            var home = Home(t, technicians);
            var at = (home.Latitude + (k % 3 - 1) * 0.006, home.Longitude + (k / 3 - 1) * 0.008);
            var address = $"Rua do Trabalho {j + 1}, Porto";
            var property = (await SendAsync(HttpMethod.Post, $"/api/v1/customers/{customers[t]}/properties", new { name = $"Site {j + 1:D3}", address, location = Point(at) }))
                .GetProperty("id").GetString()!;
            // Staggered windows of seven hours, half an hour apart (the last ends before midnight, see NoonZone): wide
            // enough that a job dropped into another lane, which pushes that lane's later stops by the job's time,
            // makes none of them late; with five hours every drop was refused.
            var from = now.AddHours(0.25 + k * 0.5);
            tickets[j] = (await SendAsync(HttpMethod.Post, "/api/v1/tickets", new
            {
                customerId = customers[t],
                propertyId = property,
                location = Point(at),
                address,
                description = $"Job {j + 1:D3}",
                requiredSkills = new[] { "hvac" },
                estimatedMinutes = 30,
                arrivalWindow = new { start = from, end = from.AddHours(7) },
                priority = "Routine",
            })).GetProperty("id").GetString()!;
        });

        done($"{jobs} jobs for today, each at a property of its own");
        await WaitUntilSettledAsync();
        done("the board took in the new jobs");

        // The company's board is one grain, which takes assignments one at a time, re-plans and stores the day for each
        // (and again for each ticket event an assignment causes), and answers with the whole board: requests in
        // parallel only queue there, and on a loaded machine a queue of four already outwaited Orleans' 30 s timeout.
        // So one at a time, one technician's jobs in order.
        for (var j = 0; j < jobs; j++)
        {
            await SendAsync(HttpMethod.Post, "/api/v1/dispatch/assignments", new { ticketId = tickets[j], technicianId = ids[j / jobsPerTechnician], day = (string?)null, at = (DateTimeOffset?)null }, read: false);
            if ((j + 1) % 50 == 0 && j + 1 < jobs) done($"{j + 1} jobs assigned");
        }
        done($"{jobs} jobs assigned");
        await WaitUntilSettledAsync();
        done("the board settled");
        return ids;
    }

    /// <summary>
    /// Every new job and every assignment sends ticket events that the board's grain takes in later, one re-plan each,
    /// behind any request: right after the jobs are created an assignment waits behind 400 of them, past Orleans' 30 s
    /// (the app then resets the connection), and right after seeding a drop would. Settled is when a board read, which
    /// queues behind them too, answers within half a second; a read that outwaits the timeout only means not yet.
    /// </summary>
    private async Task WaitUntilSettledAsync()
    {
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var read = Stopwatch.StartNew();
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dispatch/board"))
            {
                request.Headers.Add("Cookie", cookie);
                try
                {
                    using var response = await http.SendAsync(request);
                    if (response.IsSuccessStatusCode && read.Elapsed < TimeSpan.FromMilliseconds(500)) return;
                }
                catch (HttpRequestException)
                {
                    // the read outwaited Orleans' timeout: still busy
                }
            }
            if (patience.Elapsed > TimeSpan.FromMinutes(5)) throw new InvalidOperationException("The board's grain was still busy 5 minutes after seeding.");
        }
    }

    /// <summary>Home bases on a grid over Porto, from Matosinhos to Campanhã and from Paranhos down to Gaia.</summary>
    private static (double Latitude, double Longitude) Home(int t, int technicians)
    {
        const int Columns = 10;
        var rows = Math.Max(1, (technicians + Columns - 1) / Columns);
        return (41.125 + t / Columns * (0.06 / rows), -8.68 + t % Columns * 0.0125);
    }

    private static object Point((double Latitude, double Longitude) p) => new { latitude = p.Latitude, longitude = p.Longitude };

    private static async Task ForEachAsync(int count, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallel, count)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next)) await body(i);
        })));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, bool read = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, read ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return read ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }
}
