using OrleansPortal.Grains.Dispatch.Planning;
using OrleansPortal.Grains.Persistence;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

public sealed partial class DispatchGrain
{
    public async Task<StartImpact> PreviewStartAsync(string technicianId, string ticketId)
    {
        await CatchUpAsync();
        return await EvaluateStartAsync(technicianId, ticketId);
    }

    /// <summary>
    /// The impact is worked out and the ticket moved in one turn of this grain, so no plan change can slip between what
    /// the technician was warned of and what happens. The ticket's own turn still decides whether the job is theirs and
    /// may go en route.
    /// </summary>
    public async Task<JobStart> StartJobAsync(string technicianId, string ticketId, bool confirmed, string actor, string? note)
    {
        await CatchUpAsync();
        var impact = await EvaluateStartAsync(technicianId, ticketId);
        if (impact.LateJobs.Count > 0 && !confirmed) return new JobStart(null, impact);

        var ticket = await Ticket(ticketId).ChangeStatusAsync(new StatusChange(TicketStatus.EnRoute, actor, note, OnlyIfTechnician: technicianId));
        _tickets[ticketId] = ticket;
        if (!impact.InOrder)
            await this.RunAfterStoredAsync(log, "re-planning a route after a job was started out of order", () => PutFirstAsync(technicianId, ticketId, actor));
        return new JobStart(ticket, impact);
    }

    private async Task<StartImpact> EvaluateStartAsync(string technicianId, string ticketId)
    {
        var ctx = await BuildDayAsync(Today);
        var routes = Reconcile(ctx, Routes(Today));
        if (ctx.Problem.VehicleIndex(technicianId) is not { } vehicle || ctx.Problem.JobIndex(ticketId) is not { } job || !routes.TryGetValue(technicianId, out var route))
            return new StartImpact(ticketId, InOrder: true, routes.GetValueOrDefault(technicianId)?.FirstOrDefault(), [], routes.GetValueOrDefault(technicianId) ?? []);

        var outcome = OutOfOrderStart.Evaluate(ctx.Problem, vehicle, Indices(ctx, route), job, OnSite(ctx));
        var late = outcome.Hurt.Select(h =>
        {
            var t = _tickets[ctx.Problem.Jobs[h.After.Job].TicketId];
            return new LateJob(t.TicketId, t.Details.Description, t.Details.Address, t.ArrivalWindow, h.After.Arrival, h.Before.MinutesLate, h.After.MinutesLate);
        }).ToList();
        var next = outcome.Next is { } n ? ctx.Problem.Jobs[n].TicketId : null;
        return new StartImpact(ticketId, outcome.InOrder, next, late, [.. outcome.Order.Select(j => ctx.Problem.Jobs[j].TicketId)]);
    }

    /// <summary>
    /// Today's route of the technician with the started job right after any job on site and the rest reordered behind
    /// it; then the usual commit (stored, routes and their ETAs updated, the board told). Idempotent: run again, it
    /// orders the route as it then is.
    /// </summary>
    private async Task PutFirstAsync(string technicianId, string ticketId, string actor)
    {
        var ctx = await BuildDayAsync(Today);
        var routes = Reconcile(ctx, Routes(Today));
        if (ctx.Problem.VehicleIndex(technicianId) is not { } vehicle || ctx.Problem.JobIndex(ticketId) is not { } job || !routes.TryGetValue(technicianId, out var route))
            return; // the job left today's plan meanwhile (cancelled, reassigned): nothing to put first
        var order = OutOfOrderStart.StartingWith(ctx.Problem, vehicle, Indices(ctx, route), job, OnSite(ctx));
        routes[technicianId] = [.. order.Select(j => ctx.Problem.Jobs[j].TicketId)];
        await CommitDayAsync(Today, routes, $"{actor} started a job out of route order");
    }

    private static List<int> Indices(DayContext ctx, List<string> route) => [.. route.Select(id => ctx.Problem.JobIndex(id)!.Value)];

    private Func<int, bool> OnSite(DayContext ctx) => j => _tickets[ctx.Problem.Jobs[j].TicketId].Status == TicketStatus.OnSite;
}
