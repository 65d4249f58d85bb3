namespace OrleansPortal.Web.Identity;

/// <summary>
/// Section "DataProtection": where the keys that protect the sign-in cookies are kept. Every node of a cluster must use
/// the same keys: a cookie issued by one node is otherwise refused by the others, and a dashboard that fails over to
/// another node is signed out.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// A directory all nodes share (the volume that also holds photos and chat images). Unset: ASP.NET Core's default,
    /// a folder under the user's home, which only nodes run by one user on one machine share.
    /// </summary>
    public string? KeyDirectory { get; set; }
}
