using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Tests.Infrastructure;
using Stripe;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// A stand-in for the app's webhook endpoint, on Kestrel at a loopback port: believes an event only when the SDK's
/// <c>EventUtility.ConstructEvent</c> accepts its signature and API version (200), else answers 400 and keeps it out.
/// It also answers <c>GET /done</c>, where checkout sends the browser back.
/// </summary>
public sealed class StripeWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Event> _events = new();
    private readonly ConcurrentQueue<string> _rejections = new();

    private StripeWebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebhookUrl => new(BaseUrl, "webhook");

    /// <summary>The events the SDK accepted, in the order they arrived.</summary>
    public IReadOnlyList<Event> Events => [.. _events];

    /// <summary>Why the SDK refused each event it refused.</summary>
    public IReadOnlyList<string> Rejections => [.. _rejections];

    public static async Task<StripeWebhookReceiver> StartAsync(string signingSecret)
    {
        var app = FakeLoopbackHost.Create();
        var receiver = new StripeWebhookReceiver(app);
        app.MapPost("/webhook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            try
            {
                receiver._events.Enqueue(EventUtility.ConstructEvent(body, request.Headers["Stripe-Signature"].ToString(), signingSecret));
                return Results.Ok();
            }
            catch (StripeException refused)
            {
                receiver._rejections.Enqueue(refused.Message);
                return Results.BadRequest();
            }
        });
        app.MapGet("/done", (string? session) => Results.Content($"<!doctype html><title>Back</title><p id=\"back\">Back from checkout {session}</p>", "text/html"));
        await app.StartAsync();
        receiver.BaseUrl = FakeLoopbackHost.BaseUrlOf(app);
        return receiver;
    }

    /// <summary>Waits until an accepted event of <paramref name="type"/> matches, and returns it.</summary>
    public async Task<Event> WaitForAsync(string type, Func<Event, bool>? match = null)
    {
        Event? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = _events.FirstOrDefault(e => e.Type == type && (match?.Invoke(e) ?? true))) is not null), $"a {type} event arrives");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
