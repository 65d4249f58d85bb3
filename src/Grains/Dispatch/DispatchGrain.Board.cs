using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    public async Task<DayBoard> GetBoardAsync(DateOnly? day)
    {
        await CatchUpAsync();
        var date = day ?? Today;
        var ctx = await BuildDayAsync(date);
        var routes = Reconcile(ctx, Routes(date));
        var solution = ctx.Problem.ToSolution(routes);
        var timeline = RouteTimeline.Simulate(ctx.Problem, solution.Routes);
        var technicians = new List<BoardTechnician>();
        foreach (var t in _technicians.Values.OrderBy(t => t.Profile.Name, StringComparer.Ordinal))
        {
            // The shift as the schedule has it, not the plan's span: that starts at "now" once today's shift has begun,
            // so after the shift it read "22:00-22:00".
            var shifts = Availability.ShiftsOn(t.Schedule, date);
            var crossesMidnight = shifts.Count > 0 && LocalDate(shifts[^1].End) != LocalDate(shifts[0].Start);
            if (ctx.Problem.VehicleIndex(t.TechnicianId) is { } v)
            {
                var p = ctx.Problem.Technicians[v];
                var stops = new List<BoardStop>();
                foreach (var s in timeline.Routes[v].Stops) stops.Add(BoardStopOf(ctx, t, s, p.ShiftEnd, stops.LastOrDefault()));
                technicians.Add(new BoardTechnician(t.TechnicianId, t.Profile.Name, [.. p.Qualifications.Order()], shifts[0].Start, shifts.Max(s => s.End), p.Start, p.End, stops, null,
                    shifts, crossesMidnight, p.ShiftStart.ToUniversalTime()));
            }
            else
            {
                // Off this day, yet maybe holding jobs assigned earlier: show them, so the dispatcher sees what to move.
                var held = routes.GetValueOrDefault(t.TechnicianId) ?? [];
                var off = new AssignmentConflict(ConflictKind.OffShift, ctx.Unavailable.GetValueOrDefault(t.TechnicianId) ?? $"{t.Profile.Name} cannot be planned on {date}.");
                var stops = new List<BoardStop>();
                foreach (var j in held.Select(id => _tickets[id]))
                {
                    var (from, to) = (j.ArrivalWindow?.Start ?? ctx.Problem.Epoch, j.ArrivalWindow?.End ?? ctx.Problem.Epoch);
                    stops.Add(new BoardStop(JobOf(j), from, from, to, null, 0, [off, .. StopConflicts(date, t, j, from, to, null, stops.LastOrDefault())]));
                }
                technicians.Add(new BoardTechnician(t.TechnicianId, t.Profile.Name, [.. t.Profile.Skills], null, null, null, null, stops, ctx.Unavailable.GetValueOrDefault(t.TechnicianId),
                    shifts, crossesMidnight, null));
            }
        }

        var unassigned = solution.Unassigned.Select(j => _tickets[ctx.Problem.Jobs[j].TicketId]).Where(t => t.TechnicianId is null)
            .OrderByDescending(t => t.Details.Priority).ThenBy(t => t.ArrivalWindow?.Start ?? DateTimeOffset.MaxValue).Select(JobOf).ToList();
        var summary = new PlanSummary(Math.Round(timeline.Kilometers, 1), Math.Round(timeline.MinutesLate, 1), timeline.LateJobs, unassigned.Count);
        return new DayBoard(
            date, new DispatchSettings(state.State.TimeZone, state.State.AutoAssign), technicians, unassigned, [.. _alerts.Values.OrderByDescending(a => a.RaisedAt)], summary,
            DayVersion(date));
    }

    private BoardStop BoardStopOf(DayContext ctx, TechnicianSnapshot technician, StopTimes s, DateTimeOffset shiftEnd, BoardStop? previous)
    {
        var t = _tickets[ctx.Problem.Jobs[s.Job].TicketId];
        var estimate = ctx.Day == Today ? _estimates.GetValueOrDefault(t.TicketId) : null;
        var departure = s.Start + t.Details.EstimatedDuration;
        return new BoardStop(JobOf(t), s.Arrival, s.Start, departure, estimate?.Eta, estimate?.MinutesLate ?? s.MinutesLate,
            StopConflicts(ctx.Day, technician, t, s.Start, departure, shiftEnd, previous));
    }

    /// <summary>
    /// A short hash of what the day's plan is made of: each open job's technician, status, pin, window and duration, and
    /// the stored routes' order. Positions and estimates are left out, so it stays put while technicians drive.
    /// </summary>
    private string DayVersion(DateOnly day)
    {
        var text = new StringBuilder();
        foreach (var t in JobsOf(day).OrderBy(t => t.TicketId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.TicketId}|{t.TechnicianId}|{t.Status}|{t.Pinned}|{t.ArrivalWindow?.Start.UtcTicks}|{t.ArrivalWindow?.End.UtcTicks}|{t.Details.EstimatedDuration.Ticks}\n");
        }
        foreach (var (technicianId, route) in Routes(day).Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.Append(technicianId).Append(':').AppendJoin(',', route).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>What a dispatcher calls a job: its description, or its address when it has none.</summary>
    private static string TitleOf(TicketSnapshot t) => string.IsNullOrWhiteSpace(t.Details.Description) ? t.Details.Address : t.Details.Description;

    private static BoardJob JobOf(TicketSnapshot t) => new(
        t.TicketId, t.Details.Description, t.Details.Address, t.Details.Location, t.Details.Priority, t.Status, t.ArrivalWindow,
        t.Details.EstimatedDuration.TotalMinutes, t.Details.RequiredSkills, t.Pinned, t.TechnicianId);
}
