using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Documents;

/// <summary>
/// A technician's phone adds notes and photos to its own jobs (device token, Authorization: Bearer). Whose job it is, is
/// checked by the report grain against the ticket in the same turn as the write; another technician's or company's job
/// answers 404 exactly like one that does not exist.
/// </summary>
public static class DeviceReportApi
{
    public static RouteGroupBuilder MapDeviceReportApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/device/jobs/{ticketId}").WithTags("Technician device").AllowAnonymous();
        group.MapGet("/report", GetReportAsync).WithSummary("The notes and photos of one of the token's technician's jobs.");
        group.MapPost("/notes", AddNoteAsync).WithSummary("Adds the technician's note to their job's report.");
        group.MapPost("/photos", AddPhotoAsync).WithRequestBodyLimit(PhotoUpload.MaxRequestBytesOf(endpoints))
            .WithSummary("Adds a JPEG, PNG or WebP photo (multipart field \"photo\", optional \"caption\", at most 8 MB) to their job's report.");
        return group;
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ProblemHttpResult>> GetReportAsync(string ticketId, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (await OwnTicketAsync(grains, device, ticketId) is not { } ticket) return TypedResults.NotFound();
        return TypedResults.Ok((await Report(grains, device, ticketId).GetAsync()).AsDto(ticket, NoUrl, internalView: false));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        string ticketId, ReportNoteRequest request, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (DocumentsApi.ValidateNote(request) is { } errors) return TypedResults.ValidationProblem(errors);
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        var report = await Report(grains, device, ticketId).AddNoteAsync(request.Text!.Trim(), Author(device)); // NotFoundException (404) when not theirs
        return TypedResults.Ok(report.AsDto(await Ticket(grains, device, ticketId).GetAsync(), NoUrl, internalView: false));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddPhotoAsync(
        string ticketId, HttpRequest http, IClusterClient grains, ReportPhotos photos)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        // Checked before the bytes are stored too, so other people's job ids cannot be used to fill the disk.
        if (await OwnTicketAsync(grains, device, ticketId) is null) return TypedResults.NotFound();
        var (report, errors) = await photos.AddAsync(http, Report(grains, device, ticketId), Author(device));
        if (report is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(report.AsDto(await Ticket(grains, device, ticketId).GetAsync(), NoUrl, internalView: false));
    }

    private static async Task<TicketSnapshot?> OwnTicketAsync(IClusterClient grains, DeviceBinding device, string ticketId)
    {
        if (!ResourceId.IsValid(ticketId)) return null;
        try
        {
            var ticket = await Ticket(grains, device, ticketId).GetAsync();
            return ticket.TechnicianId == device.TechnicianId ? ticket : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static ReportAuthor Author(DeviceBinding device) => new(device.Actor(), IsTechnician: true, OnlyIfTechnician: device.TechnicianId);

    // The phone page lists captions only: an <img> cannot send the device token, and the phone took the photo itself.
    private static readonly Func<string, string> NoUrl = _ => "";

    private static ITicketGrain Ticket(IClusterClient grains, DeviceBinding device, string id) => grains.GetGrain<ITicketGrain>(TenantKeys.For(device.TenantId, id));

    private static IJobReportGrain Report(IClusterClient grains, DeviceBinding device, string id) => grains.GetGrain<IJobReportGrain>(TenantKeys.For(device.TenantId, id));
}
