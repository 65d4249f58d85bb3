using System.Text;
using Microsoft.AspNetCore.Http;
using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tests.Tracking.Protocols;

/// <summary>Builds requests as the apps send them, without a server.</summary>
internal static class TestRequests
{
    public static HttpRequest Create(string method, string query = "", string? contentType = null, string? body = null) =>
        Create(method, query, contentType, body is null ? null : Encoding.UTF8.GetBytes(body));

    public static HttpRequest Create(string method, string query, string? contentType, byte[]? body)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.QueryString = new QueryString(query);
        request.ContentType = contentType;
        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        }
        return request;
    }

    public static HttpRequest WithHeader(this HttpRequest request, string name, string value)
    {
        request.Headers[name] = value;
        return request;
    }

    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public static ProtocolReadResult AssertValid(ProtocolReadResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return result;
    }
}
