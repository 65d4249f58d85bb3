using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// A company as public addresses name it (the help center, reviews, the widget): our 32-hex tenant ids, or a short
/// name (the demo's "portodemo"). Anything else names no company and must not reach a grain key.
/// </summary>
public static partial class TenantName
{
    public static bool IsValid([NotNullWhen(true)] string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex Pattern();
}
