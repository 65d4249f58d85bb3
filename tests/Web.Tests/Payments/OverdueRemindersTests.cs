using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Testing;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// Overdue invoices are reminded at due +3, +7 and +14 days, each step once however often the company's scheduler
/// runs, also after a restart (PostgreSQL) and on the embedded SQLite default; a paid invoice is not reminded.
/// </summary>
public sealed class OverdueRemindersTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task OnSqlite_EachStepIsRemindedOnce_AndAPaidInvoiceNever()
    {
        using var app = new PortalFactory { Clock = _time };
        var s = await DocumentScenario.CreateAsync(app);
        var overdue = await IssueDueTodayAsync(s);
        var paid = await IssueDueTodayAsync(s);
        using (var payment = await s.Dispatcher.PostAsJsonAsync($"/api/v1/invoices/{paid.Id}/payments", new { amount = paid.Total, method = "cash", requestId = Guid.NewGuid() }))
            Assert.True(payment.IsSuccessStatusCode, await payment.Content.ReadAsStringAsync());

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await RunAsync(app, s));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunAsync(app, s));
        Assert.Equal(0, await RunAsync(app, s));
        _time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await RunAsync(app, s));
        Assert.Equal(0, await RunAsync(app, s));

        var keys = await ReminderKeysAsync(app, s);
        Assert.Equal([$"{overdue.Id}:due+3", $"{overdue.Id}:due+7"], keys);
        var seven = (await Outbox(app).ForCustomerAsync(s.Company.TenantId, s.Customer.Id, 100)).Single(m => m.Message.DeliveryKey.Contains("due+7", StringComparison.Ordinal)
            && m.Message.Channel == NotificationChannel.Email);
        Assert.Contains("7 days ago", seven.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostgres_WhatWasSentSurvivesARestart_AndALateSchedulerSendsOnlyTheLatestStep()
    {
        string tenant, customer, invoiceId;
        using (var app = _database.App())
        {
            app.Clock = _time;
            var s = await DocumentScenario.CreateAsync(app);
            (tenant, customer) = (s.Company.TenantId, s.Customer.Id);
            invoiceId = (await IssueDueTodayAsync(s)).Id;
            _time.Advance(TimeSpan.FromDays(8)); // nothing ran at +3: only +7 goes out
            Assert.Equal(1, await RunAsync(app, s));
        }

        using var restarted = _database.App();
        restarted.Clock = _time;
        var grains = restarted.Services.GetRequiredService<IClusterClient>();
        Assert.Equal(0, await grains.GetGrain<IOverdueRemindersGrain>(tenant).RunAsync());
        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(1, await grains.GetGrain<IOverdueRemindersGrain>(tenant).RunAsync());
        Assert.Equal(0, await grains.GetGrain<IOverdueRemindersGrain>(tenant).RunAsync());

        var messages = await Outbox(restarted).ForCustomerAsync(tenant, customer, 100);
        Assert.Equal([$"{invoiceId}:due+14", $"{invoiceId}:due+7"],
            messages.Where(m => m.Message.Channel == NotificationChannel.Email && m.Message.Trigger == NotificationTrigger.PaymentReminder)
                .Select(m => StepOf(m.Message.DeliveryKey)).Order(StringComparer.Ordinal));
    }

    private async Task<InvoiceDto> IssueDueTodayAsync(DocumentScenario s)
    {
        using var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = s.Customer.Id, title = "Spring start-up", currency = "EUR", dueDate = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"),
            lines = new[] { new { description = "Start-up visit", quantity = 1m, unitAmount = 8000L } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvoiceDto>(ApiJson.Options))!;
    }

    private static Task<int> RunAsync(PortalFactory app, DocumentScenario s) =>
        app.Services.GetRequiredService<IClusterClient>().GetGrain<IOverdueRemindersGrain>(s.Company.TenantId).RunAsync();

    private static INotificationOutbox Outbox(PortalFactory app) => app.Services.GetRequiredService<INotificationOutbox>();

    private static async Task<string[]> ReminderKeysAsync(PortalFactory app, DocumentScenario s) =>
        [.. (await Outbox(app).ForCustomerAsync(s.Company.TenantId, s.Customer.Id, 100))
            .Where(m => m.Message.Channel == NotificationChannel.Email && m.Message.Trigger == NotificationTrigger.PaymentReminder)
            .Select(m => StepOf(m.Message.DeliveryKey)).Order(StringComparer.Ordinal)];

    // "PaymentReminder:{invoice}:due+3:{contact}:{channel}" or similar: keep the invoice and the step.
    private static string StepOf(string deliveryKey)
    {
        var parts = deliveryKey.Split(':');
        var step = Array.FindIndex(parts, p => p.StartsWith("due+", StringComparison.Ordinal));
        return $"{parts[step - 1]}:{parts[step]}";
    }
}
