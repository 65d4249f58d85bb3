namespace OrleansPortal.Web.Hosting;

/// <summary>Ids the API hands out are 32 lower-case hex characters; anything else names nothing and must not reach a grain key.</summary>
public static class ResourceId
{
    public static bool IsValid(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
