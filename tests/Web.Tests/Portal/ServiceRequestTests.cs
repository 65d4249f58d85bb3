using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>Customers ask for work, book windows that dispatch can really serve, and move or cancel them before the cut-off.</summary>
public sealed class ServiceRequestTests
{
    [Fact]
    public async Task ABookedWindow_BecomesAJobThatDispatchAssigns_AndTheCustomerFollowsItsTimeline()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);

        var job = await portal.BookAsync();

        Assert.Equal(("Scheduled", false), (job.Status, job.Emergency));
        Assert.NotNull(job.ArrivalWindow);
        Assert.Equal(portal.Property.Location, job.Location); // where the appointment page pins the customer's home
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "dispatch assigns the booked job");
        var seen = await portal.JobAsync(job.Id);
        Assert.Equal("Gil", seen.Technician!.FirstName);
        Assert.Equal(["Scheduled", "Assigned"], seen.Timeline.Select(t => t.Status));
        Assert.Equal("Technician assigned", seen.StatusLabel);
        var property = await portal.Owner.GetFromJsonAsync<Web.Properties.PropertyDto>($"/api/v1/portal/properties/{portal.Property.Id}", ApiJson.Options);
        Assert.Contains(property!.Timeline, e => e.TicketId == job.Id);
        Assert.Equal(job.Id, (await portal.Owner.GetFromJsonAsync<PortalJobDto[]>("/api/v1/portal/jobs", ApiJson.Options))!.Single().Id);
    }

    [Fact]
    public async Task AnEmergency_NeedsNoWindow_AndGoesToATechnicianToday()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);

        var job = await portal.RequestEmergencyAsync();

        Assert.True(job.Emergency);
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Technician is not null, "the emergency gets a technician");
        var ticket = await portal.Day.TicketAsync(job.Id);
        Assert.Equal(("Emergency", portal.TechnicianId), (ticket.Priority, ticket.TechnicianId));
        Assert.StartsWith("customer:", ticket.Audit[0].Actor);
    }

    [Fact]
    public async Task Windows_FollowTheBookingRules_AndTheRealCapacity()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var tomorrow = (await portal.Day.BoardAsync()).Day.AddDays(1);
        var rules = BookingRules.Default with { BlackoutDates = [tomorrow], MinimumNoticeHours = 1 };
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", rules)).EnsureSuccessStatusCode();

        var offers = await PortalJobsScenario.WindowsAsync(portal.Owner, portal.Property.Id);

        Assert.All(offers.Where(o => o.Day == tomorrow), o => Assert.Equal("We are closed that day.", o.Unavailable));
        Assert.Contains(offers, o => o.Day == tomorrow.AddDays(1) && o.Available);
        Assert.Equal("Too soon to book.", offers.First(o => o.Day == tomorrow.AddDays(-1) && o.Slot == "Morning").Unavailable); // this morning

        // A company whose only technician is off that day has nothing to offer.
        var (_, otherProperty, otherOwner) = await PortalJobsScenario.AddCustomerAsync(await Dispatch.DispatchScenario.CreateAsync(app, name: "Empty Co"), "Lone customer");
        Assert.All(await PortalJobsScenario.WindowsAsync(otherOwner, otherProperty.Id), o => Assert.False(o.Available));
    }

    [Fact]
    public async Task AFullDay_IsNoLongerOffered()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", BookingRules.Default with { MaxJobsPerDay = 1 })).EnsureSuccessStatusCode();
        var booked = await portal.BookAsync();

        var offers = await PortalJobsScenario.WindowsAsync(portal.Owner, portal.Property.Id);

        Assert.All(offers.Where(o => o.Day == DateOnly.FromDateTime(booked.ArrivalWindow!.Start.ToOffset(o.Start.Offset).DateTime)), o => Assert.Equal("That day is fully booked.", o.Unavailable));
        var again = await portal.Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = portal.Property.Id, description = "again", windowStart = booked.ArrivalWindow!.Start });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("no longer on offer", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task RescheduleAndCancel_WorkBeforeTheCutOff_AndAreRefusedAfter()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var rules = BookingRules.Default with { ChangeCutoffHours = 1 }; // tomorrow morning is less than a day away
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", rules)).EnsureSuccessStatusCode();
        var job = await portal.BookAsync();
        var other = (await PortalJobsScenario.WindowsAsync(portal.Owner, portal.Property.Id, days: 5)).First(o => o.Available && o.Start != job.ArrivalWindow!.Start);

        var moved = await portal.Owner.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/reschedule", new { windowStart = other.Start });

        moved.EnsureSuccessStatusCode();
        Assert.Equal(other.Start, (await moved.Content.ReadFromJsonAsync<PortalJobDto>(ApiJson.Options))!.ArrivalWindow!.Start);
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "dispatch places the moved job again");

        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", BookingRules.Default with { ChangeCutoffHours = 24 * 30 })).EnsureSuccessStatusCode();
        var late = await portal.Owner.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/cancel", new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("hours before the window", (await late.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", rules)).EnsureSuccessStatusCode();
        var cancelled = await portal.Owner.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/cancel", new { reason = "changed my mind" });
        cancelled.EnsureSuccessStatusCode();
        Assert.Equal("Cancelled", (await portal.Day.TicketAsync(job.Id)).Status);
        await Eventually.TrueAsync(async () => (await portal.Day.BoardAsync(other.Day.ToString("yyyy-MM-dd"))).Technicians.All(t => t.Stops.Count == 0), "dispatch takes it off the route");
    }

    [Fact]
    public async Task AJobsOwnWindows_DoNotCountTheJobAgainstItself_AndAreWhatRescheduleAccepts()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", BookingRules.Default with { MaxJobsPerDay = 1, ChangeCutoffHours = 1 })).EnsureSuccessStatusCode();
        var job = await portal.BookAsync();

        var forAnyone = await PortalJobsScenario.WindowsAsync(portal.Owner, portal.Property.Id, days: 5);
        var forTheJob = (await portal.Owner.GetFromJsonAsync<WindowOffer[]>($"/api/v1/portal/jobs/{job.Id}/windows?days=5", ApiJson.Options))!;
        var bookedDay = forTheJob.Single(o => o.Start == job.ArrivalWindow!.Start).Day;

        Assert.All(forAnyone.Where(o => o.Day == bookedDay), o => Assert.Equal("That day is fully booked.", o.Unavailable));
        var sameDay = forTheJob.First(o => o.Day == bookedDay && o.Available && o.Start != job.ArrivalWindow!.Start); // its own day, its own other slot
        var moved = await portal.Owner.PostAsJsonAsync($"/api/v1/portal/jobs/{job.Id}/reschedule", new { windowStart = sameDay.Start });
        moved.EnsureSuccessStatusCode();
        Assert.Equal(sameDay.Start, (await portal.JobAsync(job.Id)).ArrivalWindow!.Start);

        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Owner.GetAsync($"/api/v1/portal/jobs/{job.Id}/windows?days=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Owner.GetAsync($"/api/v1/portal/jobs/{new string('e', 32)}/windows")).StatusCode);
    }

    [Fact]
    public async Task BadRequests_AreProblems_NotErrors()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var post = (object body) => portal.Owner.PostAsJsonAsync("/api/v1/portal/service-requests", body);

        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { propertyId = portal.Property.Id, description = "", emergency = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { propertyId = portal.Property.Id, description = new string('x', 4001), emergency = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await post(new { propertyId = portal.Property.Id, description = "no window" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await post(new { propertyId = portal.Property.Id, description = "odd time", windowStart = DateTimeOffset.UtcNow.AddDays(1).AddMinutes(7) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await post(new { propertyId = "nope", description = "x", emergency = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Owner.GetAsync($"/api/v1/portal/booking/windows?propertyId={portal.Property.Id}&days=400")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Owner.GetAsync($"/api/v1/portal/booking/windows?propertyId={portal.Property.Id}&from=soon")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", new { slots = Array.Empty<object>(), daysAhead = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", new { slots = new[] { new { name = (string?)null, start = "10:00", end = "09:00" } }, daysAhead = 7 })).StatusCode);
        Assert.Empty(await portal.Owner.GetFromJsonAsync<PortalJobDto[]>("/api/v1/portal/jobs", ApiJson.Options) ?? []);
    }

    [Fact]
    public async Task AServiceNeedingASkill_IsOfferedOnlyWhenSomeoneWithThatSkillHasTime()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app); // Gil has no backflow licence
        var rules = BookingRules.Default with { Services = [new BookableService("General visit", [], 60), new BookableService("Backflow test", ["backflow"], 90)] };
        (await portal.Day.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/booking-rules", rules)).EnsureSuccessStatusCode();
        var windows = (string service) => portal.Owner.GetFromJsonAsync<WindowOffer[]>($"/api/v1/portal/booking/windows?propertyId={portal.Property.Id}&service={Uri.EscapeDataString(service)}&days=3", ApiJson.Options);

        Assert.Contains((await windows("General visit"))!, o => o.Available);
        Assert.All((await windows("Backflow test"))!, o => Assert.False(o.Available));
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.Owner.GetAsync($"/api/v1/portal/booking/windows?propertyId={portal.Property.Id}&service=Haircut")).StatusCode);

        var tester = await portal.Day.AddTechnicianAsync("Bea Backflow", ["backflow"], Dispatch.DispatchScenario.Boavista);
        var offer = (await windows("Backflow test"))!.First(o => o.Available);
        var booked = await portal.Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = portal.Property.Id, service = "Backflow test", description = "Yearly test", windowStart = offer.Start });
        booked.EnsureSuccessStatusCode();
        var job = (await booked.Content.ReadFromJsonAsync<PortalJobDto>(ApiJson.Options))!;
        var ticket = await portal.Day.WaitForTicketAsync(job.Id, t => t.TechnicianId is not null, "the backflow test is assigned");
        Assert.Equal((tester, 90.0), (ticket.TechnicianId, ticket.EstimatedMinutes));
        Assert.Equal(["backflow"], ticket.RequiredSkills);
    }

    private static MultipartFormDataContent Photo(byte[] bytes, string name = "leak.png")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("image/png");
        form.Add(file, "photo", name);
        return form;
    }

    [Fact]
    public async Task PhotosOfTheProblem_MustDecode_AndAreOnlyForTheCustomersOwnOpenJob()
    {
        using var app = new PortalFactory();
        var portal = await PortalJobsScenario.CreateAsync(app);
        var job = await portal.RequestEmergencyAsync();
        var png = TestImages.Png();

        var added = await portal.Owner.PostAsync($"/api/v1/portal/jobs/{job.Id}/photos", Photo(png));
        added.EnsureSuccessStatusCode();
        var report = await portal.Owner.GetFromJsonAsync<Web.Documents.JobReportDto>($"/api/v1/portal/reports/{job.Id}", ApiJson.Options);
        var photo = Assert.Single(report!.Photos);
        Assert.Equal(("Customer", "image/jpeg"), (photo.Author, photo.ContentType)); // re-encoded: an opaque PNG is stored as JPEG
        Assert.Equal(8, TestImages.Decode(await portal.Owner.GetByteArrayAsync(photo.Url))!.Width);

        var text = await portal.Owner.PostAsync($"/api/v1/portal/jobs/{job.Id}/photos", Photo("not an image at all"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("JPEG, PNG and WebP", await text.Content.ReadAsStringAsync());
        var (_, _, neighbour) = await PortalJobsScenario.AddCustomerAsync(portal.Day, "Jones household");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/portal/jobs/{job.Id}/photos", Photo(png))).StatusCode);

        (await portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/status", new { status = "Cancelled", reason = "test" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await portal.Owner.PostAsync($"/api/v1/portal/jobs/{job.Id}/photos", Photo(png))).StatusCode);
        Assert.Single((await portal.Owner.GetFromJsonAsync<Web.Documents.JobReportDto>($"/api/v1/portal/reports/{job.Id}", ApiJson.Options))!.Photos);
    }
}
