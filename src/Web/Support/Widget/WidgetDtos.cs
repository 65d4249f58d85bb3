using OrleansPortal.Grains.Support.Widget;

namespace OrleansPortal.Web.Support.Widget;

/// <summary>The widget's settings as the office shows them: the origins allowed to embed it, and the identity secret.</summary>
/// <param name="TenantId">What the script tag names as data-company.</param>
/// <param name="ScriptPath">The script's address on this app (the page puts its own origin before it).</param>
public sealed record WidgetSettingsDto(string TenantId, IReadOnlyList<string> AllowedOrigins, string IdentitySecret, string ScriptPath, int MaxOrigins);

/// <param name="Token">The bearer token of every other widget call, valid until <paramref name="ExpiresAt"/> and only from the origin that asked.</param>
/// <param name="Verified">True when the company's site vouched for the visitor and they are a contact of one of its customers.</param>
/// <param name="Company">The company's name, for the panel's heading.</param>
public sealed record WidgetSessionDto(string Token, DateTimeOffset ExpiresAt, bool Verified, string Company);

/// <param name="Path">The public article page's path on this app: the widget puts the address it was loaded from before it.</param>
public sealed record WidgetHelpHitDto(string Title, string Description, string Language, string Path);

/// <param name="Corrections">Misspelt words and what they were searched as.</param>
public sealed record WidgetHelpResultDto(WidgetHelpHitDto[] Hits, IReadOnlyDictionary<string, string> Corrections);

/// <summary>
/// The contact form was taken. A verified visitor learns the case's number; anyone else learns nothing more (the answer
/// is the same whether their email was known or not, and the team answers by email).
/// </summary>
public sealed record WidgetContactReceiptDto(string? DisplayNumber);

/// <summary>One of a verified visitor's cases (the ones they opened): never shown to an unverified one.</summary>
public sealed record WidgetCaseDto(string DisplayNumber, string Subject, string Status, DateTimeOffset UpdatedAt);

public static class WidgetDtoMapping
{
    public static WidgetSettingsDto AsDto(this WidgetSettings settings, string tenantId) =>
        new(tenantId, settings.AllowedOrigins, settings.IdentitySecret, WidgetApi.ScriptPath, WidgetOrigins.MaxOrigins);
}
