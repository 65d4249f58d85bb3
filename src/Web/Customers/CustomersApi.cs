using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Customers;

/// <summary>Customers, their contacts and their properties, for dispatchers of the customer's own company.</summary>
public static class CustomersApi
{
    public const int MaxGrantedProperties = 1_000;

    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/", CreateAsync).WithSummary("Creates a residential or commercial customer.");
        group.MapGet("/{id}", GetAsync).WithSummary("A customer with its contacts and property ids.");
        group.MapPost("/{id}/contacts", AddContactAsync).WithSummary("Adds a contact (owner, property manager with granted properties, or accounts payable); the contact can then sign in to the portal by magic link.");
        group.MapPost("/{id}/properties", AddPropertyAsync).WithSummary("Adds a property (site) to the customer.");
        group.MapGet("/{id}/properties", ListPropertiesAsync).WithSummary("The customer's properties.");
        return group;
    }

    private static async Task<Results<Created<CustomerDto>, ValidationProblem>> CreateAsync(CreateCustomerRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Require(EnumName.TryParse<CustomerKind>(request.Kind, out var kind), "kind", "Kind must be Residential or Commercial.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var created = await Customer(grains, user, id).CreateAsync(new NewCustomer(request.Name.Trim(), kind));
        return TypedResults.Created($"/api/v1/customers/{id}", created.AsDto());
    }

    private static async Task<Results<Ok<CustomerDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Customer(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Created<ContactDto>, NotFound, ValidationProblem>> AddContactAsync(
        string id, AddContactRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var customer = Customer(grains, user, id);
        var snapshot = await customer.GetAsync(); // 404 before validation: nothing to add a contact to
        var granted = request.GrantedPropertyIds ?? [];
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Require(EmailAddress.IsValid(request.Email), "email", "A valid email address is required.")
            .Require(request.Phone is null || request.Phone.Trim().Length > 0, "phone", "A phone number, when given, cannot be blank.")
            .Text(request.Phone, "phone", InputLimits.Phone, $"The phone number can have at most {InputLimits.Phone} characters.", required: false)
            .Require(EnumName.TryParse<ContactRole>(request.Role, out var role), "role", "Role must be Owner, PropertyManager or AccountsPayable.")
            .Require(role == ContactRole.PropertyManager || granted.Count == 0, "grantedPropertyIds", "Only a property manager is granted properties; the other roles see them all.")
            .Require(granted.Count <= MaxGrantedProperties && granted.All(snapshot.PropertyIds.Contains), "grantedPropertyIds", "Every granted property must be one of this customer's.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var contact = await customer.AddContactAsync(new NewContact(request.Name.Trim(), EmailAddress.Normalize(request.Email), request.Phone?.Trim(), role, granted));
        return TypedResults.Created($"/api/v1/customers/{id}", contact.AsDto());
    }

    private static async Task<Results<Created<PropertyDto>, NotFound, ValidationProblem>> AddPropertyAsync(
        string id, PropertyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = PropertyRequestValidation.Validate(request);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var customer = Customer(grains, user, id);
        await customer.GetAsync(); // 404 for a customer that does not exist, before anything is created

        var propertyId = TenantKeys.NewId();
        // Property first: if the second call fails, an unreachable property is left behind, never a customer listing a missing one.
        var created = await grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), propertyId)).CreateAsync(id, request.ToDetails());
        await customer.AddPropertyAsync(propertyId);
        return TypedResults.Created($"/api/v1/properties/{propertyId}", created.AsDto());
    }

    private static async Task<Results<Ok<PropertyDto[]>, NotFound>> ListPropertiesAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var customer = await Customer(grains, user, id).GetAsync();
        return TypedResults.Ok(await PropertyDtoMapping.LoadAsync(grains, user.GetTenantId(), customer.PropertyIds));
    }

    private static ICustomerGrain Customer(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record CreateCustomerRequest([property: MaxLength(InputLimits.Name)] string Name, [property: MaxLength(InputLimits.Code)] string? Kind);

public sealed record AddContactRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Email)] string Email,
    [property: MaxLength(InputLimits.Phone)] string? Phone,
    [property: MaxLength(InputLimits.Code)] string? Role,
    [property: MaxLength(CustomersApi.MaxGrantedProperties)] IReadOnlyList<string>? GrantedPropertyIds);
