using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansPortal.Fakes;

/// <summary>The fake's HTTP side: the Messages resource (create, fetch one, list), each call checked as Twilio checks it.</summary>
public sealed partial class FakeTwilio
{
    private const string MessagesPath = "/" + ApiVersion + "/Accounts/{accountSid}/Messages";
    private const int MaxBody = 1600;

    private void MapApi(IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesPath + ".json", CreateAsync);
        app.MapGet(MessagesPath + "/{sid}.json", Fetch);
        app.MapGet(MessagesPath + ".json", List);
    }

    private async Task<IResult> CreateAsync(HttpRequest request, string accountSid)
    {
        if (!Authenticated(request, accountSid)) return Unauthenticated();
        if (TakeFailure() is { } failure) return failure;
        if (!request.HasFormContentType) return Refused(21602, "Message body is required.");
        var form = await request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : null;
        var (to, from, service, body, callback) = (Field("To"), Field("From"), Field("MessagingServiceSid"), Field("Body"), Field("StatusCallback"));

        if (to is null) return Refused(21604, "A 'To' phone number is required.");
        if (from is null && service is null) return Refused(21603, "A 'From' phone number is required.");
        if (body is null) return Refused(21602, "Message body is required.");
        if (body.Length > MaxBody) return Refused(21617, "The concatenated message body exceeds the 1600 character limit.");
        if (!E164().IsMatch(to) || to == InvalidNumber) return Refused(21211, $"The 'To' number {to} is not a valid phone number.");
        if (to == NotMobileNumber) return Refused(21614, $"'To' number {to} is not a valid mobile number.");
        if (service is null && !E164().IsMatch(from!)) return Refused(21212, $"The 'From' number {from} is not a valid phone number, shortcode, or alphanumeric sender ID.");
        if (service is not null && !ServiceSid().IsMatch(service)) return Refused(21701, $"The Messaging Service Sid {service} is invalid.");
        Uri? statusCallback = null;
        if (callback is not null && !(Uri.TryCreate(callback, UriKind.Absolute, out statusCallback) && statusCallback.Scheme is "http" or "https"))
            return Refused(21609, "The StatusCallback URL is not a valid URL.");
        if (IsStopped(to, from, service)) return Refused(21610, "Attempt to send to unsubscribed recipient");

        var message = new FakeSmsMessage(Interlocked.Increment(ref _sequence), "SM" + RandomHex(), AccountSid, to, from, service, body, statusCallback, DateTimeOffset.UtcNow)
        {
            Status = service is null ? "queued" : "accepted", // a Messaging Service accepts first, then queues
        };
        _messages[message.Sid] = message;
        Interlocked.Increment(ref _pendingCallbacks);
        _toDeliver.Writer.TryWrite(message.Sid);
        if (TakeOne(ref _lateAnswers)) await Task.Delay(_lateAnswerDelay, _stopping.Token);
        return Json(FakeTwilioJson.Message(message), HttpStatusCode.Created);
    }

    private IResult Fetch(HttpRequest request, string accountSid, string sid)
    {
        if (!Authenticated(request, accountSid)) return Unauthenticated();
        return _messages.TryGetValue(sid, out var message)
            ? Json(FakeTwilioJson.Message(message), HttpStatusCode.OK)
            : Json(FakeTwilioJson.Error(20404, $"The requested resource {request.Path} was not found", 404), HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Newest first, filtered as Twilio's list is: To, From, DateSent (that UTC day), DateSent&lt; and DateSent&gt; (on or
    /// before, on or after that day), a page at a time (PageSize, Page).
    /// </summary>
    private IResult List(HttpRequest request, string accountSid)
    {
        if (!Authenticated(request, accountSid)) return Unauthenticated();
        var query = request.Query;
        var to = query["To"].ToString();
        var from = query["From"].ToString();
        if (!TryDay(query["DateSent"], out var on) || !TryDay(query["DateSent<"], out var onOrBefore) || !TryDay(query["DateSent>"], out var onOrAfter))
            return Refused(20001, "Invalid DateSent: use YYYY-MM-DD.");
        var pageSize = int.TryParse(query["PageSize"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(p, 0) : 0;

        var matching = _messages.Values
            .Where(m => to.Length == 0 || m.To == to)
            .Where(m => from.Length == 0 || m.From == from)
            .Where(m => on is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) == on))
            .Where(m => onOrBefore is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) <= onOrBefore))
            .Where(m => onOrAfter is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) >= onOrAfter))
            .OrderByDescending(m => m.Sequence)
            .Skip(page * pageSize)
            .Take(pageSize + 1)
            .ToList();
        var filters = new StringBuilder();
        foreach (var name in new[] { "To", "From", "DateSent", "DateSent<", "DateSent>" })
        {
            if (query[name].ToString() is { Length: > 0 } value) filters.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }
        return Json(FakeTwilioJson.Page(AccountSid, matching.Take(pageSize).ToList(), page, pageSize, matching.Count > pageSize, filters.ToString()), HttpStatusCode.OK);
    }

    // HTTP basic auth with the account SID as user and the auth token as password, for the account in the path.
    private bool Authenticated(HttpRequest request, string accountSid)
    {
        var header = request.Headers.Authorization.ToString();
        if (accountSid != AccountSid || !header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        try
        {
            var expected = Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}");
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(header["Basic ".Length..]), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool IsStopped(string to, string? from, string? service) =>
        service is null ? _stopped.ContainsKey((to, from!)) : _stopped.Keys.Any(k => k.Recipient == to); // the fake's service owns every number

    private IResult? TakeFailure() => TakeOne(ref _failures) ? FailureReply() : null;

    private IResult FailureReply()
    {
        var status = (int)_failureStatus;
        var (code, text) = status == 429 ? (20429, "Too Many Requests") : (20500, "Internal Server Error");
        return Json(FakeTwilioJson.Error(code, text, status), _failureStatus);
    }

    // Counts one off a "the next N requests" setting; false once none are left.
    private static bool TakeOne(ref int counter)
    {
        var left = Volatile.Read(ref counter);
        while (left > 0)
        {
            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left) return true;
            left = Volatile.Read(ref counter);
        }

        return false;
    }

    private static bool TryDay(Microsoft.Extensions.Primitives.StringValues text, out DateOnly? day)
    {
        day = null;
        if (text.Count == 0 || text.ToString().Length == 0) return true;
        // The SDK sends a day or a full time; only the day counts, as in Twilio's filter.
        var value = text.ToString();
        if (DateOnly.TryParseExact(value.Length >= 10 ? value[..10] : value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) day = parsed;
        return day is not null;
    }

    private static IResult Unauthenticated() =>
        Results.Json(FakeTwilioJson.Error(20003, "Authenticate", 401), statusCode: 401);

    private static IResult Refused(int code, string message) => Json(FakeTwilioJson.Error(code, message, 400), HttpStatusCode.BadRequest);

    private static IResult Json(JsonObject body, HttpStatusCode status) => Results.Json(body, statusCode: (int)status);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^MG[0-9a-f]{32}$")]
    private static partial Regex ServiceSid();
}
