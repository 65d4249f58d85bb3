using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Notifications.Sms;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Customers;

/// <summary>Customers, their contacts and their properties, for dispatchers of the customer's own company.</summary>
public static class CustomersApi
{
    public const int MaxGrantedProperties = 1_000;

    public const int DefaultPageSize = 50, MaxPageSize = 200;

    public static RouteGroupBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", ListAsync).WithSummary("A page of the company's customers by name; `q` keeps those whose name or a contact's name, email or phone contains every word typed (accents and case aside). A Link header (rel=\"next\") names the next page.");
        group.MapPost("/", CreateAsync).WithSummary("Creates a residential or commercial customer.");
        group.MapGet("/{id}", GetAsync).WithSummary("A customer with its contacts and property ids.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Renames the customer or changes its kind.");
        group.MapGet("/{id}/overview", OverviewAsync).WithSummary("The customer's page: contacts with their roles, properties, upcoming and recent jobs, reports, estimates, invoices and chat threads.");
        group.MapPost("/{id}/contacts", AddContactAsync).WithSummary("Adds a contact (owner, property manager with granted properties, or accounts payable); the contact can then sign in to the portal by magic link.");
        group.MapPut("/{id}/contacts/{contactId}", UpdateContactAsync).WithSummary("Replaces a contact's name, email, phone, role and granted properties; a new email ends the contact's portal sessions, and links go to the new address only.");
        group.MapDelete("/{id}/contacts/{contactId}", RemoveContactAsync).WithSummary("Removes a contact: their portal sessions end and their email signs in to this customer no more.");
        group.MapPost("/{id}/properties", AddPropertyAsync).WithSummary("Adds a property (site) to the customer.");
        group.MapGet("/{id}/properties", ListPropertiesAsync).WithSummary("The customer's properties.");
        return group;
    }

    /// <summary>By name (case-insensitive), then id, a page at a time (<see cref="PageLinks"/>), from the directory table: no grain is activated.</summary>
    private static async Task<Results<Ok<CustomerListItemDto[]>, ValidationProblem>> ListAsync(
        string? q, int? limit, string? after, ClaimsPrincipal user, ICustomerDirectory directory, HttpResponse response)
    {
        var validation = PageLinks.Validate(limit, after, MaxPageSize, "a customer")
            .Text(q, "q", InputLimits.Name, $"A search can have at most {InputLimits.Name} characters.", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var size = limit ?? DefaultPageSize;
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var page = await directory.SearchAsync(user.GetTenantId(), query, after, size + 1); // one more says whether a next page exists
        var shown = page.Take(size).ToList();
        PageLinks.SetNext(response, "/api/v1/customers", size, page.Count > size ? shown[^1].CustomerId : null, ("q", query));
        return TypedResults.Ok(shown.Select(c => c.AsDto()).ToArray());
    }

    private static async Task<Results<Created<CustomerDto>, ValidationProblem>> CreateAsync(CustomerRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var (details, validation) = ValidateCustomer(request);
        if (details is null) return TypedResults.ValidationProblem(validation.Errors);
        var id = TenantKeys.NewId();
        var created = await Customer(grains, user, id).CreateAsync(details);
        return TypedResults.Created($"/api/v1/customers/{id}", created.AsDto());
    }

    private static async Task<Results<Ok<CustomerDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Customer(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<CustomerDto>, NotFound, ValidationProblem>> UpdateAsync(string id, CustomerRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var (details, validation) = ValidateCustomer(request);
        if (details is null) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Customer(grains, user, id).UpdateAsync(details)).AsDto());
    }

    private static async Task<Results<Ok<CustomerOverviewDto>, NotFound>> OverviewAsync(
        string id, ClaimsPrincipal user, IClusterClient grains, IConversationInbox inbox, DomainClock clock) =>
        ResourceId.IsValid(id) ? TypedResults.Ok(await CustomerOverview.LoadAsync(grains, inbox, user.GetTenantId(), id, clock.GetUtcNow())) : TypedResults.NotFound();

    private static async Task<Results<Created<ContactDto>, NotFound, ValidationProblem>> AddContactAsync(
        string id, ContactRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<SmsOptions> sms)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var customer = Customer(grains, user, id);
        var snapshot = await customer.GetAsync(); // 404 before validation: nothing to add a contact to
        var (contact, validation) = ValidateContact(request, snapshot, sms.Value.DefaultRegion);
        if (contact is null) return TypedResults.ValidationProblem(validation.Errors);

        var added = await customer.AddContactAsync(contact);
        return TypedResults.Created($"/api/v1/customers/{id}", added.AsDto());
    }

    private static async Task<Results<Ok<ContactDto>, NotFound, ValidationProblem>> UpdateContactAsync(
        string id, string contactId, ContactRequest request, ClaimsPrincipal user, IClusterClient grains, IOptions<SmsOptions> sms)
    {
        if (!ResourceId.IsValid(id) || !ResourceId.IsValid(contactId)) return TypedResults.NotFound();
        var customer = Customer(grains, user, id);
        var snapshot = await customer.GetAsync();
        if (snapshot.Contacts.FirstOrDefault(c => c.ContactId == contactId) is not { } before) return TypedResults.NotFound();
        var (contact, validation) = ValidateContact(request, snapshot, sms.Value.DefaultRegion);
        if (contact is null) return TypedResults.ValidationProblem(validation.Errors);

        var changed = await customer.UpdateContactAsync(contactId, contact); // 409 for an email another contact has
        // Whoever signed in through the old address must not stay signed in as this contact.
        if (changed.Email != before.Email) await SessionStamps.EndContactSessionsAsync(grains, user.GetTenantId(), id, contactId);
        return TypedResults.Ok(changed.AsDto());
    }

    private static async Task<Results<NoContent, NotFound>> RemoveContactAsync(string id, string contactId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id) || !ResourceId.IsValid(contactId)) return TypedResults.NotFound();
        await Customer(grains, user, id).RemoveContactAsync(contactId); // 404 for an unknown customer or contact
        await SessionStamps.EndContactSessionsAsync(grains, user.GetTenantId(), id, contactId);
        return TypedResults.NoContent();
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

    /// <summary>The customer's name and kind (trimmed), or null with the request's field errors.</summary>
    private static (NewCustomer? Details, RequestValidation Validation) ValidateCustomer(CustomerRequest request)
    {
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Require(EnumName.TryParse<CustomerKind>(request.Kind, out var kind), "kind", "Kind must be Residential or Commercial.");
        return (validation.IsValid ? new NewCustomer(request.Name.Trim(), kind) : null, validation);
    }

    /// <summary>
    /// A contact as the grain takes it (email normalised, phone in E.164, text trimmed), or null with the request's field
    /// errors. A phone without its country code is read as one of <paramref name="region"/>'s.
    /// </summary>
    private static (NewContact? Contact, RequestValidation Validation) ValidateContact(ContactRequest request, CustomerSnapshot customer, string region)
    {
        var granted = request.GrantedPropertyIds ?? [];
        var phone = PhoneNumberText.ToE164(request.Phone, region);
        var validation = new RequestValidation()
            .Text(request.Name, "name", InputLimits.Name, $"A name of 1 to {InputLimits.Name} characters is required.")
            .Require(EmailAddress.IsValid(request.Email), "email", "A valid email address is required.")
            .Require(request.Phone is null || request.Phone.Trim().Length > 0, "phone", "A phone number, when given, cannot be blank.")
            .Text(request.Phone, "phone", InputLimits.Phone, $"The phone number can have at most {InputLimits.Phone} characters.", required: false)
            .Require(string.IsNullOrWhiteSpace(request.Phone) || phone is not null, "phone",
                $"The phone number is not a valid number: write it with its country code (+351 912 345 678), or as dialled within {region}.")
            .Require(EnumName.TryParse<ContactRole>(request.Role, out var role), "role", "Role must be Owner, PropertyManager or AccountsPayable.")
            .Require(role == ContactRole.PropertyManager || granted.Count == 0, "grantedPropertyIds", "Only a property manager is granted properties; the other roles see them all.")
            .Require(granted.Count <= MaxGrantedProperties && granted.All(customer.PropertyIds.Contains), "grantedPropertyIds", "Every granted property must be one of this customer's.");
        return (validation.IsValid ? new NewContact(request.Name.Trim(), EmailAddress.Normalize(request.Email), phone, role, granted) : null, validation);
    }

    private static ICustomerGrain Customer(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<ICustomerGrain>(TenantKeys.For(user.GetTenantId(), id));
}

/// <summary>A customer's name and kind, to create one or to change one.</summary>
public sealed record CustomerRequest([property: MaxLength(InputLimits.Name)] string Name, [property: MaxLength(InputLimits.Code)] string? Kind);

/// <summary>A contact, to add one or to replace one's details.</summary>
public sealed record ContactRequest(
    [property: MaxLength(InputLimits.Name)] string Name,
    [property: MaxLength(InputLimits.Email)] string Email,
    [property: MaxLength(InputLimits.Phone)] string? Phone,
    [property: MaxLength(InputLimits.Code)] string? Role,
    [property: MaxLength(CustomersApi.MaxGrantedProperties)] IReadOnlyList<string>? GrantedPropertyIds);
