using System.Diagnostics.CodeAnalysis;

namespace OrleansPortal.Web.Hosting;

/// <summary>Ids the API hands out are 32 lower-case hex characters; anything else names nothing and must not reach a grain key.</summary>
public static class ResourceId
{
    /// <summary>Whether <paramref name="id"/> is such an id; a missing one (a request body without the field) is not.</summary>
    public static bool IsValid([NotNullWhen(true)] string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
