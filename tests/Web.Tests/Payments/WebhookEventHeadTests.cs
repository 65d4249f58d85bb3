using OrleansPortal.Web.Payments.Stripe;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>The webhook reads an event's id and type before (and often instead of) the SDK's reading of all of it.</summary>
public sealed class WebhookEventHeadTests
{
    [Fact]
    public void TheTopLevelIdAndType_AreRead_InEitherOrder_NotTheObjectsOwn()
    {
        const string typeFirst = """{"object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","type":"card"}},"id":"evt_1"}""";
        const string idFirst = """{"id":"evt_2","data":{"object":{"id":"pi_2"}},"type":"refund.created"}""";

        Assert.Equal(new WebhookEventHead("evt_1", "payment_intent.succeeded"), WebhookEventHead.Read(typeFirst));
        Assert.Equal(new WebhookEventHead("evt_2", "refund.created"), WebhookEventHead.Read(idFirst));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("""{"id":42,"type":null}""")]
    public void ABodyWithoutThem_HasNeither(string body) => Assert.Equal(default, WebhookEventHead.Read(body));

    [Fact]
    public void WhatWasReadBeforeBrokenJson_Stands() =>
        Assert.Equal(new WebhookEventHead("evt_3", null), WebhookEventHead.Read("""{"id":"evt_3","data":{"obj"""));
}
