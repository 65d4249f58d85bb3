using System.Data.Common;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// <see cref="ICustomerDirectory"/> on table <c>customer_directory</c> (PostgreSQL or SQLite). A search walks the
/// tenant's rows in name order and keeps those whose folded text contains every word: a few thousand rows per company
/// cost a millisecond or two, and a page stops as soon as it is full.
/// </summary>
public sealed class CustomerDirectory(PortalDatabase database) : ICustomerDirectory
{
    /// <summary>The largest page <see cref="SearchAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Words of a query beyond this many are ignored.</summary>
    public const int MaxQueryWords = 8;

    private const string Columns = "customer_id, name, kind, contact_name, contact_email, contact_phone, contacts, properties, created_at";

    private const string Save =
        "INSERT INTO customer_directory (tenant_id, customer_id, name, sort_name, kind, contact_name, contact_email, contact_phone, contacts, properties, created_at, search_text) " +
        "VALUES (@tenant, @customer, @name, @sort, @kind, @contactName, @contactEmail, @contactPhone, @contacts, @properties, @createdAt, @search) " +
        "ON CONFLICT (tenant_id, customer_id) DO UPDATE SET name = excluded.name, sort_name = excluded.sort_name, kind = excluded.kind, " +
        "contact_name = excluded.contact_name, contact_email = excluded.contact_email, contact_phone = excluded.contact_phone, " +
        "contacts = excluded.contacts, properties = excluded.properties, search_text = excluded.search_text";

    // A row comparison against the previous page's last row: an index range scan, however deep the page.
    private const string After =
        " AND (sort_name, customer_id) > (SELECT sort_name, customer_id FROM customer_directory WHERE tenant_id = @tenant AND customer_id = @after)";

    public Task SaveAsync(CustomerSnapshot customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var main = customer.Contacts.FirstOrDefault(c => c.Role == ContactRole.Owner) ?? customer.Contacts.FirstOrDefault();
        return database.ExecuteAsync(Save, a => a
            .Add("@tenant", customer.TenantId)
            .Add("@customer", customer.CustomerId)
            .Add("@name", customer.Name)
            .Add("@sort", customer.Name.ToUpperInvariant()) // OrdinalIgnoreCase order, as byte-wise comparison of it gives
            .Add("@kind", customer.Kind.ToString())
            .Add("@contactName", main?.Name)
            .Add("@contactEmail", main?.Email)
            .Add("@contactPhone", main?.Phone)
            .Add("@contacts", customer.Contacts.Count)
            .Add("@properties", customer.PropertyIds.Count)
            .AddTime("@createdAt", customer.CreatedAt)
            .Add("@search", SearchTextOf(customer)), cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerListing>> SearchAsync(string tenantId, string? query, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        // Folded words are letters and digits only, so none holds a LIKE wildcard or escape.
        var words = SearchText.Words(query).Distinct().Take(MaxQueryWords).ToArray();
        var sql = $"SELECT {Columns} FROM customer_directory WHERE tenant_id = @tenant" +
            (after is null ? "" : After) +
            string.Concat(words.Select((_, i) => $" AND search_text LIKE @w{i}")) +
            " ORDER BY sort_name, customer_id LIMIT @limit";
        return await database.QueryAsync(sql, a =>
        {
            a.Add("@tenant", tenantId).Add("@limit", limit);
            if (after is not null) a.Add("@after", after);
            for (var i = 0; i < words.Length; i++) a.Add($"@w{i}", $"%{words[i]}%");
        }, Read, cancellationToken);
    }

    /// <summary>Everything a search may find the customer by, folded; a phone also as its digits alone ("912345678" finds "912 345 678").</summary>
    internal static string SearchTextOf(CustomerSnapshot customer)
    {
        var parts = new List<string?> { customer.Name };
        foreach (var contact in customer.Contacts)
        {
            parts.AddRange([contact.Name, contact.Email, contact.Phone, new string((contact.Phone ?? "").Where(char.IsAsciiDigit).ToArray())]);
        }
        return SearchText.Fold(string.Join(' ', parts));
    }

    private CustomerListing Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1),
        // A kind this version does not know (written by a newer node) reads as residential rather than failing the list.
        Enum.TryParse<CustomerKind>(r.GetString(2), out var kind) ? kind : CustomerKind.Residential,
        Text(r, 3), Text(r, 4), Text(r, 5), r.GetInt32(6), r.GetInt32(7), database.ReadTime(r, 8));

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
