using System.Text;
using System.Text.Json;

namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>
/// An event's top-level "id" and "type", read from its JSON without building the event (Stripe's SDK reads the whole
/// object, which for most events nobody needs). Either is null when the body does not have it as a string.
/// </summary>
public readonly record struct WebhookEventHead(string? Id, string? Type)
{
    public static WebhookEventHead Read(string body)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body));
        string? id = null, type = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
            while ((id is null || type is null) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (isId, isType) = (reader.ValueTextEquals("id"u8), reader.ValueTextEquals("type"u8));
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isId || isType))
                {
                    if (isId) id = reader.GetString();
                    else type = reader.GetString();
                }
                else reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: what was read stands; the SDK's reading of the event says what is wrong with it.
        }

        return new WebhookEventHead(id, type);
    }
}
