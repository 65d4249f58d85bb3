using System.Net.Http.Headers;
using Twilio.Http;
using Request = Twilio.Http.Request;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// The Twilio SDK's transport on a pooled <see cref="System.Net.Http.HttpClient"/> from the factory (named
/// <see cref="Name"/>, whose handler chain may point it at a fake Twilio: <see cref="ProviderAddressHandler"/>).
/// Holds no state between requests, so one instance serves every concurrent send.
/// </summary>
public sealed class TwilioHttpClient(IHttpClientFactory factory) : Twilio.Http.HttpClient
{
    public const string Name = "twilio";

    public override Response MakeRequest(Request request) => MakeRequestAsync(request).GetAwaiter().GetResult();

    public override async Task<Response> MakeRequestAsync(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(request.Method.ToString()), request.ConstructUrl());
        if (request.Username is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Authentication(request.Username, request.Password));
        message.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in request.HeaderParams) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Method == Twilio.Http.HttpMethod.Post || request.Method == Twilio.Http.HttpMethod.Put)
        {
            message.Content = request.ContentType?.ToString() == "application/json"
                ? new StringContent(request.Body ?? "", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(request.PostParams);
        }

        using var response = await factory.CreateClient(Name).SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        return new Response(response.StatusCode, body, response.Headers);
    }
}
