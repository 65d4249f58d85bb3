using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPortal.Grains;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Admin;

/// <summary>The platform operator's API: creating companies with their first dispatcher. Guarded by X-Admin-Key.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/admin").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();
        group.MapPost("/companies", CreateCompanyAsync).WithSummary("Creates a company (tenant) and its first dispatcher.");
        return group;
    }

    private static async Task<Results<Created<CompanyCreatedDto>, ValidationProblem>> CreateCompanyAsync(CreateCompanyRequest request, Onboarding onboarding)
    {
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A company name of 1 to {InputLimits.Name} characters is required.");
        DispatchersApi.ValidateDispatcher(request.Dispatcher, "dispatcher.", validation);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var tenantId = await onboarding.CreateCompanyAsync(request.Name, request.Dispatcher!);
        return TypedResults.Created($"/api/v1/company", new CompanyCreatedDto(tenantId, request.Name.Trim()));
    }
}

public sealed record CreateCompanyRequest([property: MaxLength(InputLimits.Name)] string Name, NewDispatcher? Dispatcher);

public sealed record CompanyCreatedDto(string TenantId, string Name);
