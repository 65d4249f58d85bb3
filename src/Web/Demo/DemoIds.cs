using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// Fixed ids for the demo's records, in the shape the APIs accept (32 lowercase hex digits), so a restarted demo
/// finds what an earlier run created instead of doubling it.
/// </summary>
public static class DemoIds
{
    public static string For(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
}
