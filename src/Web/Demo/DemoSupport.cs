using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// A support case of the demo household, answered by the team and waiting on the customer, so the portal's Support
/// section and the office's support desk both have one to show. A fixed id: a restarted demo finds it and adds nothing.
/// </summary>
public sealed class DemoSupport(IClusterClient grains)
{
    public static readonly string CaseId = DemoIds.For("demo:household:case:controller");

    public async Task EnsureAsync()
    {
        var customer = await grains.GetGrain<ICustomerGrain>(TenantKeys.For(DemoCompany.TenantId, DemoCustomer.CustomerId)).GetAsync();
        if (customer.Contacts.FirstOrDefault(c => c.Email == DemoCustomer.Email) is not { } maria) return;
        var supportCase = grains.GetGrain<ICaseGrain>(TenantKeys.For(DemoCompany.TenantId, CaseId));
        var opened = await supportCase.OpenAsync(new NewCase(DemoCustomer.CustomerId, MessageAuthor.Customer(maria.ContactId, maria.Name), CaseChannel.Portal,
            CaseCategory.Equipment, CasePriority.Normal, "O programador mostra o erro E2",
            "Desde ontem o programador da rega mostra E2 e a zona 3 não rega.", [], DemoCustomer.PropertyId));
        if (opened.Entries.Count > 1) return; // answered by an earlier run
        await supportCase.ReplyAsync(new CaseReply(MessageAuthor.Team(DemoCompany.DispatcherEmail, "Demo Dispatcher"),
            "Bom dia Maria! O E2 costuma ser a válvula da zona 3. Pode confirmar se a tampa da caixa das válvulas está seca?", []));
    }
}
