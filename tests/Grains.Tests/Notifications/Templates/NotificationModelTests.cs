using OrleansPortal.Grains.Payments;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Tests.Notifications.Templates;

public sealed class NotificationModelTests
{
    [Fact]
    public void TheTypedHelpers_FormatForTheReader()
    {
        var start = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

        var model = new NotificationModel("pt-PT", "Europe/Lisbon").Window(start, start.AddHours(2)).Invoice("F-1", new Money(18_000, "EUR"), new DateOnly(2027, 1, 8))
            .Eta(start.AddMinutes(20), start.AddMinutes(8)).Technician("");

        Assert.Equal("pt", model.Language);
        Assert.Equal("terça-feira, 8 de dezembro", model.Values["window.date"]);
        Assert.Equal("180,00 €", model.Values["invoice.total"]);
        Assert.Equal("8 de janeiro de 2027", model.Values["invoice.due_date"]);
        Assert.Equal("12", model.Values["eta.minutes"]);
        Assert.False(model.Values.ContainsKey("technician.first_name")); // empty is unset, so {% if %} reads it as absent
    }

    [Fact]
    public void AVariableOutsideTheCatalogue_FailsWhereItIsSet()
    {
        var refused = Assert.Throws<ArgumentException>(() => new NotificationModel("en", "UTC").Set("customer.email", "a@b.example"));

        Assert.Contains("customer.email", refused.Message);
    }

    [Fact]
    public void AModel_CrossesAGrainCallWhole()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var model = new NotificationModel("pt", "Europe/Lisbon").Company("Regas do Porto", null).Window(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

        var copy = serializer.Deserialize<NotificationModel>(serializer.SerializeToArray(model))!;

        Assert.Equal(model.Values, copy.Values);
        Assert.Equal(("pt", "Europe/Lisbon"), (copy.Language, copy.TimeZone));
        Assert.Equal("Regas do Porto", copy.Technician("Rui").Set("company.phone", "1").Values["company.name"]); // and it can still be added to
    }
}
