using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stripe;
using OrleansPortal.Web.Tests.Infrastructure;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
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
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
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
