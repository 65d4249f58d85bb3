using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansPortal.Fakes;

/// <summary>The fake's answers in the shapes of Twilio's public API reference: the Message resource, a page of them, an error.</summary>
internal static class FakeTwilioJson
{
    public static JsonObject Message(FakeSmsMessage m) => new()
    {
        ["account_sid"] = m.AccountSid,
        ["api_version"] = FakeTwilio.ApiVersion,
        ["body"] = m.Body,
        ["date_created"] = Rfc2822(m.DateCreated),
        ["date_sent"] = m.DateSent is { } sent ? Rfc2822(sent) : null,
        ["date_updated"] = Rfc2822(m.DateSent ?? m.DateCreated),
        ["direction"] = "outbound-api",
        ["error_code"] = m.ErrorCode,
        ["error_message"] = null,
        ["from"] = m.From,
        ["messaging_service_sid"] = m.MessagingServiceSid,
        ["num_media"] = "0",
        ["num_segments"] = Segments(m.Body).ToString(CultureInfo.InvariantCulture),
        ["price"] = null,
        ["price_unit"] = "USD",
        ["sid"] = m.Sid,
        ["status"] = m.Status,
        ["subresource_uris"] = new JsonObject { ["media"] = $"{MessagePath(m)}/Media.json" },
        ["to"] = m.To,
        ["uri"] = $"{MessagePath(m)}.json",
    };

    public static JsonObject Page(string accountSid, IReadOnlyList<FakeSmsMessage> page, int pageNumber, int pageSize, bool more, string query)
    {
        var uri = $"/{FakeTwilio.ApiVersion}/Accounts/{accountSid}/Messages.json";
        string PageUri(int n) => $"{uri}?{query}PageSize={pageSize}&Page={n}";
        return new JsonObject
        {
            ["messages"] = new JsonArray([.. page.Select(m => (JsonNode)Message(m))]),
            ["start"] = pageNumber * pageSize,
            ["end"] = pageNumber * pageSize + Math.Max(page.Count - 1, 0),
            ["page"] = pageNumber,
            ["page_size"] = pageSize,
            ["uri"] = PageUri(pageNumber),
            ["first_page_uri"] = PageUri(0),
            ["previous_page_uri"] = pageNumber > 0 ? PageUri(pageNumber - 1) : null,
            ["next_page_uri"] = more ? PageUri(pageNumber + 1) : null,
        };
    }

    public static JsonObject Error(int code, string message, int status) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    };

    // Twilio's API writes dates as RFC 2822, in UTC.
    private static string Rfc2822(DateTimeOffset time) => time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    // Approximately as Twilio counts: 160 characters in one GSM-7 segment, 153 per segment when split; 70 and 67 in
    // UCS-2, which any character outside ASCII is taken to need here.
    private static int Segments(string body)
    {
        var gsm = body.All(char.IsAscii);
        var (single, split) = gsm ? (160, 153) : (70, 67);
        return body.Length <= single ? 1 : (body.Length + split - 1) / split;
    }

    private static string MessagePath(FakeSmsMessage m) => $"/{FakeTwilio.ApiVersion}/Accounts/{m.AccountSid}/Messages/{m.Sid}";
}
