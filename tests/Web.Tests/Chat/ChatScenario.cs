using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Chat;

/// <summary>Helpers for chat tests: jobs for a customer, posting and reading threads as a customer or the team.</summary>
public static class ChatScenario
{
    public static string UniqueEmail() => $"contact-{Guid.NewGuid():N}@example.com";

    public static async Task<string> AddJobAsync(this CustomerScenario customer, string propertyId, string description = "Sprinkler leak")
    {
        var response = await customer.Company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = customer.Id,
            propertyId,
            location = new { latitude = 41.149, longitude = -8.606 },
            address = "Rua de Santa Catarina 1, Porto",
            description,
            estimatedMinutes = 60,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!.Id;
    }

    /// <summary>A signed-in owner contact of a new customer with one property and one job there.</summary>
    public static async Task<(CustomerScenario Customer, HttpClient Contact, string ContactId, string JobId)> CustomerWithJobAsync(TenantScenario company, string name = "Smiths")
    {
        var customer = await CustomerScenario.CreateAsync(company, name);
        var property = await customer.AddPropertyAsync();
        var jobId = await customer.AddJobAsync(property.Id);
        var contact = await customer.AddContactAsync(UniqueEmail());
        return (customer, await customer.SignInAsync(contact.Id), contact.Id, jobId);
    }

    public static string Job(string ticketId) => $"job:{ticketId}";

    public static string General(string customerId) => $"customer:{customerId}";

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string baseUrl, string threadId, string text, bool isInternal = false) =>
        client.PostAsJsonAsync($"{baseUrl}/{threadId}/messages", new { text, @internal = isInternal });

    public static async Task<ChatMessageDto> SendAsync(this HttpClient client, string baseUrl, string threadId, string text, bool isInternal = false)
    {
        var response = await client.PostAsync(baseUrl, threadId, text, isInternal);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatMessageDto>(ApiJson.Options))!;
    }

    public static async Task<ChatPageDto> PageAsync(this HttpClient client, string baseUrl, string threadId, string query = "") =>
        (await client.GetFromJsonAsync<ChatPageDto>($"{baseUrl}/{threadId}/messages{query}", ApiJson.Options))!;

    public static MultipartFormDataContent Form(string text, params (string Name, byte[] Bytes, string DeclaredType)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        foreach (var (name, bytes, declared) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(declared);
            form.Add(content, "files", name);
        }
        return form;
    }

    /// <summary>A real 8 x 8 PNG (the server decodes every image), padded with zeros to <paramref name="length"/> bytes when given.</summary>
    public static byte[] Png(int? length = null) => length is { } size ? TestImages.Png().PaddedTo(size) : TestImages.Png();
}
