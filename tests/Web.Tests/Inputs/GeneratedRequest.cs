using System.Net.Http.Headers;
using System.Text;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>One generated call: what was sent, described for a failure message.</summary>
public sealed record GeneratedRequest(ApiOperation Operation, string Url, string Input, string? ContentType, string? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is null) return message;
        message.Content = new StringContent(Body, Encoding.UTF8);
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? "application/json");
        return message;
    }

    public override string ToString() => $"{Operation.Method} {Url} [{Input}]";
}
