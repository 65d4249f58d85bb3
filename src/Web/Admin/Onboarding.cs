using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Admin;

/// <summary>
/// Creating companies, dispatchers, technicians and device tokens: the steps that touch several grains, shared by
/// the admin and technician APIs and the demo seeding. Inputs are validated by the callers.
/// </summary>
public sealed class Onboarding(IClusterClient grains, IPasswordHasher<UserLogin> hasher, DomainClock clock)
{
    public const int MinPasswordLength = 10;

    public async Task<string> CreateCompanyAsync(string name, NewDispatcher dispatcher, string? tenantId = null)
    {
        tenantId ??= TenantKeys.NewId();
        await grains.GetGrain<ICompanyGrain>(tenantId).CreateAsync(name.Trim());
        await AddDispatcherAsync(tenantId, dispatcher);
        return tenantId;
    }

    /// <summary>Registers the login first: if the email is taken it throws ConflictException and the company is left without this dispatcher.</summary>
    public async Task AddDispatcherAsync(string tenantId, NewDispatcher dispatcher)
    {
        var email = EmailAddress.Normalize(dispatcher.Email);
        var hash = hasher.HashPassword(null!, dispatcher.Password);
        await grains.GetGrain<IUserLoginGrain>(email).RegisterAsync(new UserLogin(tenantId, email, dispatcher.DisplayName.Trim(), PortalClaims.DispatcherRole, hash));
        await grains.GetGrain<ICompanyGrain>(tenantId).AddDispatcherAsync(email);
    }

    /// <summary>
    /// Provisions a new technician, who thereby joins the company's roster: one row of its own, so creating technicians
    /// concurrently never queues on one grain, and costs the same however many the company has.
    /// </summary>
    public async Task<string> CreateTechnicianAsync(string tenantId, TechnicianProfile profile, TechnicianSchedule? schedule = null)
    {
        var technicianId = TenantKeys.NewId();
        await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, technicianId)).ProvisionAsync(profile, schedule);
        return technicianId;
    }

    /// <summary>Issues a device token for the technician; the token is returned here once and never stored.</summary>
    public async Task<IssuedDeviceToken> IssueDeviceTokenAsync(string tenantId, string technicianId, string label)
    {
        var technician = grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, technicianId));
        await technician.GetAsync(); // throws NotFoundException for a technician of another tenant or none
        var (token, hash, deviceId) = DeviceToken.Create();
        var issuedAt = clock.GetUtcNow();
        await grains.GetGrain<IDeviceTokenGrain>(hash).BindAsync(new DeviceBinding(tenantId, technicianId, deviceId, label, issuedAt));
        await technician.AddDeviceAsync(new DeviceSummary(deviceId, label, issuedAt, Revoked: false, hash, DeviceToken.Hint(token)));
        return new IssuedDeviceToken(deviceId, label, token, issuedAt);
    }

    public async Task<bool> RevokeDeviceAsync(string tenantId, string technicianId, string deviceId)
    {
        var hash = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, technicianId)).RevokeDeviceAsync(deviceId);
        if (hash is null) return false;
        await grains.GetGrain<IDeviceTokenGrain>(hash).RevokeAsync();
        return true;
    }
}

public sealed record NewDispatcher(
    [property: MaxLength(InputLimits.Email)] string Email, [property: MaxLength(InputLimits.Name)] string DisplayName, [property: MaxLength(InputLimits.Password)] string Password);

public sealed record IssuedDeviceToken(string DeviceId, string Label, string Token, DateTimeOffset IssuedAt);
