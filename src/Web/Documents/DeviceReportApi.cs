using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Tickets;
using OrleansPortal.Web.Uploads;

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
        group.MapGet("/photos/{photoId}", GetPhotoAsync)
            .WithSummary("A photo of the job (?thumbnail=true for a small copy), by the address the job list or report gave: it carries a grant instead of the token, for img elements.");
        return group;
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ProblemHttpResult>> GetReportAsync(string ticketId, HttpRequest http, IClusterClient grains, DevicePhotoLinks links)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (await OwnTicketAsync(grains, device, ticketId) is not { } ticket) return TypedResults.NotFound();
        return TypedResults.Ok((await Report(grains, device, ticketId).GetAsync()).AsDto(ticket, PhotoUrl(links, device, ticketId), internalView: false));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        string ticketId, ReportNoteRequest request, HttpRequest http, IClusterClient grains, DevicePhotoLinks links)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (DocumentsApi.ValidateNote(request) is { } errors) return TypedResults.ValidationProblem(errors);
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        var report = await Report(grains, device, ticketId).AddNoteAsync(request.Text!.Trim(), Author(device)); // NotFoundException (404) when not theirs
        return TypedResults.Ok(report.AsDto(await Ticket(grains, device, ticketId).GetAsync(), PhotoUrl(links, device, ticketId), internalView: false));
    }

    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddPhotoAsync(
        string ticketId, HttpRequest http, IClusterClient grains, ReportPhotos photos, DevicePhotoLinks links)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        // Checked before the bytes are stored too, so other people's job ids cannot be used to fill the disk.
        if (await OwnTicketAsync(grains, device, ticketId) is null) return TypedResults.NotFound();
        var (report, errors) = await photos.AddAsync(http, Report(grains, device, ticketId), Author(device));
        if (report is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(report.AsDto(await Ticket(grains, device, ticketId).GetAsync(), PhotoUrl(links, device, ticketId), internalView: false));
    }

    /// <summary>
    /// The grant in the address stands in for the device token; the device must still be active and the job still its
    /// technician's. Anything wrong answers 404, like a photo that does not exist.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> GetPhotoAsync(
        string ticketId, string photoId, string? grant, bool? thumbnail, HttpContext http, IClusterClient grains, PhotoStore store, DevicePhotoLinks links)
    {
        if (grant is null || links.Check(grant, ticketId, photoId) is not { } granted) return TypedResults.NotFound();
        var technician = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(granted.TenantId, granted.TechnicianId)).GetAsync();
        if (!technician.Devices.Any(d => d.DeviceId == granted.DeviceId && !d.Revoked)) return TypedResults.NotFound();
        var device = new DeviceBinding(granted.TenantId, granted.TechnicianId, granted.DeviceId, "", default);
        if (await OwnTicketAsync(grains, device, ticketId) is null) return TypedResults.NotFound();

        var report = await Report(grains, device, ticketId).GetAsync();
        if (thumbnail == true && report.Photos.Any(p => p.PhotoId == photoId) && await store.OpenThumbnailAsync(photoId, http.RequestAborted) is { } small)
            return UploadResults.Serve(http.Response, small.Content, small.ContentType, photoId);
        return PhotoResults.Serve(http, store, report, photoId); // a photo that does not shrink is still shown whole
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

    private static Func<string, string> PhotoUrl(DevicePhotoLinks links, DeviceBinding device, string ticketId) =>
        photoId => links.For(device, ticketId, photoId, thumbnail: false);

    private static ITicketGrain Ticket(IClusterClient grains, DeviceBinding device, string id) => grains.GetGrain<ITicketGrain>(TenantKeys.For(device.TenantId, id));

    private static IJobReportGrain Report(IClusterClient grains, DeviceBinding device, string id) => grains.GetGrain<IJobReportGrain>(TenantKeys.For(device.TenantId, id));
}
