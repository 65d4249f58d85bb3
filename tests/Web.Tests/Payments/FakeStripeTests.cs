using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using OrleansPortal.Fakes;
using OrleansPortal.Web.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Web.Tests.Payments;

/// <summary>
/// The fake Stripe against the real Stripe.net SDK (a <c>StripeClient</c> pointed at it with <c>ApiBase</c>) and the
/// SDK's own webhook check: what the payments code will rely on, proven before it is written.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FakeStripeTests(BrowserFixture browser) : IAsyncLifetime
{
    private FakeStripe _stripe = null!;
    private StripeWebhookReceiver _receiver = null!;
    private StripeClient _client = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _receiver = await StripeWebhookReceiver.StartAsync(_stripe.WebhookSecret);
        _stripe.WebhookUrl = _receiver.WebhookUrl;
        _client = new StripeClient(new StripeClientOptions { ApiKey = _stripe.SecretKey, ApiBase = _stripe.BaseUrl.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task PayingACheckoutInTheBrowser_CompletesIt_RedirectsToTheSuccessUrl_AndSendsSignedEvents()
    {
        var session = await CreatePaymentSessionAsync(await CreateCustomerAsync());
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(session.Url);
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("€24.68");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancel" })).ToHaveAttributeAsync("href", "https://portal.example/invoices/17");
        await PayWithCardAsync(page, FakeStripe.SucceedingCard);

        await page.WaitForURLAsync(new Uri(_receiver.BaseUrl, $"done?session={session.Id}").ToString());
        var completed = await _receiver.WaitForAsync("checkout.session.completed");
        var succeeded = await _receiver.WaitForAsync("payment_intent.succeeded");
        var paid = await _client.V1.Checkout.Sessions.GetAsync(session.Id);
        var payment = await _client.V1.PaymentIntents.GetAsync(paid.PaymentIntentId);
        Assert.Equal(("complete", "paid", "inv-17"), (paid.Status, paid.PaymentStatus, paid.ClientReferenceId));
        Assert.Equal((session.Id, "paid"), (((Session)completed.Data.Object).Id, ((Session)completed.Data.Object).PaymentStatus));
        Assert.Equal(payment.Id, ((PaymentIntent)succeeded.Data.Object).Id);
        Assert.Equal(("succeeded", 2468L, 2468L, "eur", "17"), (payment.Status, payment.Amount, payment.AmountReceived, payment.Currency, payment.Metadata["invoice_id"]));
        Assert.StartsWith("ch_", payment.LatestChargeId);
        Assert.StartsWith("pm_", payment.PaymentMethodId);
        Assert.Empty(_receiver.Rejections);
    }

    [Fact]
    public async Task ADeclinedCard_ShowsTheDecline_OnTheCheckoutPage_AndNothingIsPaid()
    {
        var session = await CreatePaymentSessionAsync(await CreateCustomerAsync());
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Url);

        await PayWithCardAsync(page, FakeStripe.DecliningCard);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your card was declined.");
        Assert.StartsWith(_stripe.BaseUrl.ToString(), page.Url);
        var failed = await _receiver.WaitForAsync("payment_intent.payment_failed");
        Assert.Equal("card_declined", ((PaymentIntent)failed.Data.Object).LastPaymentError.Code);
        var unpaid = await _client.V1.Checkout.Sessions.GetAsync(session.Id);
        Assert.Equal(("open", "unpaid"), (unpaid.Status, unpaid.PaymentStatus));
        await _stripe.WaitForWebhooksAsync(TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(_receiver.Events, e => e.Type is "payment_intent.succeeded" or "checkout.session.completed");
    }

    [Fact]
    public async Task ASepaDebit_CompletesTheCheckoutUnpaid_ThenSucceedsAMomentLater()
    {
        var session = await CreatePaymentSessionAsync(await CreateCustomerAsync());

        await PostPageAsync(session, new() { ["iban"] = FakeStripe.SucceedingIban, ["account_holder"] = "Ana Sousa" });

        var processing = await _receiver.WaitForAsync("payment_intent.processing");
        var completed = (Session)(await _receiver.WaitForAsync("checkout.session.completed")).Data.Object;
        var settled = (Session)(await _receiver.WaitForAsync("checkout.session.async_payment_succeeded")).Data.Object;
        var succeeded = (PaymentIntent)(await _receiver.WaitForAsync("payment_intent.succeeded")).Data.Object;
        Assert.Equal(("complete", "unpaid"), (completed.Status, completed.PaymentStatus));
        Assert.Equal("paid", settled.PaymentStatus);
        Assert.Equal((((PaymentIntent)processing.Data.Object).Id, "succeeded", 2468L), (succeeded.Id, succeeded.Status, succeeded.AmountReceived));
        var types = _receiver.Events.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf("payment_intent.processing") < types.IndexOf("payment_intent.succeeded"), string.Join(", ", types));
    }

    [Fact]
    public async Task ARetriedCreate_IsReplayed_AndTheSameKeyWithOtherParameters_IsRefused()
    {
        var key = new RequestOptions { IdempotencyKey = "customer-" + Guid.NewGuid() };

        var first = await _client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ana@example.test" }, key);
        var retried = await _client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ana@example.test" }, key);
        var conflict = await Assert.ThrowsAsync<StripeException>(() => _client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "rui@example.test" }, key));

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal("true", retried.StripeResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.StripeResponse.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((HttpStatusCode.BadRequest, "idempotency_error"), (conflict.HttpStatusCode, conflict.StripeError.Type));
        using var withoutKey = await RawPostAsync("v1/customers", "email=ana%40example.test", _stripe.SecretKey);
        Assert.Equal(HttpStatusCode.BadRequest, withoutKey.StatusCode);
        Assert.Contains("Idempotency-Key", await withoutKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongKey_Is401_AndAnUnknownParameter_Is400_NamingIt()
    {
        var stranger = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_not_this_accounts", ApiBase = _stripe.BaseUrl.ToString() });

        var refused = await Assert.ThrowsAsync<StripeException>(() => stranger.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ana@example.test" }));
        using var basic = await RawPostAsync("v1/customers", "email=ana%40example.test", _stripe.SecretKey, basic: true, idempotencyKey: "basic-auth");
        using var unknown = await RawPostAsync("v1/checkout/sessions",
            "mode=payment&success_url=https%3A%2F%2Fportal.example%2F&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=1&line_items[0][price_data][unit_amout]=1&line_items[0][price_data][product_data][name]=x",
            _stripe.SecretKey, idempotencyKey: "unknown-param");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.HttpStatusCode);
        Assert.StartsWith("Invalid API Key provided", refused.StripeError.Message);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"param\":\"line_items[0][price_data][unit_amout]\"", await unknown.Content.ReadAsStringAsync());
        Assert.Empty(_stripe.Sessions);
    }

    [Fact]
    public async Task ARefund_OfMoreThanIsLeft_IsRefused_AndRefundsSendTheirEvents()
    {
        var session = await CreatePaymentSessionAsync(await CreateCustomerAsync());
        await PayWithoutBrowserAsync(session, cardNumber: FakeStripe.SucceedingCard);
        var paymentId = (await _client.V1.Checkout.Sessions.GetAsync(session.Id)).PaymentIntentId;

        var part = await _client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paymentId, Amount = 1000 });
        var tooMuch = await Assert.ThrowsAsync<StripeException>(() => _client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paymentId, Amount = 2000 }));
        var rest = await _client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = paymentId });

        Assert.Equal((1000L, 1468L), (part.Amount, rest.Amount));
        Assert.Equal((HttpStatusCode.BadRequest, "amount_too_large", "amount"), (tooMuch.HttpStatusCode, tooMuch.StripeError.Code, tooMuch.StripeError.Param));
        var refunded = await _receiver.WaitForAsync("charge.refunded", e => ((Charge)e.Data.Object).Refunded);
        Assert.Equal(2468L, ((Charge)refunded.Data.Object).AmountRefunded);
        await _receiver.WaitForAsync("refund.created", e => ((Refund)e.Data.Object).Id == rest.Id);
    }

    [Theory]
    [InlineData(FakeStripe.SucceedingCard, "succeeded")]
    [InlineData(FakeStripe.AttachesButFailsCard, "card_declined")]
    public async Task AnOffSessionCharge_OfACardSavedAtCheckout_GoesAsTheTestCardSays(string card, string expected)
    {
        var customer = await CreateCustomerAsync();
        var setup = await _client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "setup", Customer = customer.Id, Currency = "eur", SuccessUrl = new Uri(_receiver.BaseUrl, "done").ToString(),
        });
        await PayWithoutBrowserAsync(setup, card);
        await _receiver.WaitForAsync("setup_intent.succeeded");
        var saved = Assert.Single(await _client.V1.PaymentMethods.ListAsync(new PaymentMethodListOptions { Customer = customer.Id, Type = "card" }));

        var charge = () => _client.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 4900, Currency = "eur", Customer = customer.Id, PaymentMethod = saved.Id, OffSession = true, Confirm = true,
        });

        if (expected == "succeeded")
        {
            Assert.Equal("succeeded", (await charge()).Status);
            await _receiver.WaitForAsync("payment_intent.succeeded", e => ((PaymentIntent)e.Data.Object).Amount == 4900);
            return;
        }

        var declined = await Assert.ThrowsAsync<StripeException>(charge);
        Assert.Equal((HttpStatusCode.PaymentRequired, expected), (declined.HttpStatusCode, declined.StripeError.Code));
        Assert.Equal("requires_payment_method", declined.StripeError.PaymentIntent.Status);
        await _receiver.WaitForAsync("payment_intent.payment_failed", e => ((PaymentIntent)e.Data.Object).Id == declined.StripeError.PaymentIntent.Id);
    }

    [Fact]
    public async Task ARenewal_AdvancesThePeriod_AndSendsInvoicePaid_OrPaymentFailed()
    {
        var customer = await CreateCustomerAsync();
        var session = await _client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription", Customer = customer.Id, SuccessUrl = new Uri(_receiver.BaseUrl, "done").ToString(),
            SubscriptionData = new() { Metadata = new() { ["plan"] = "gold" } },
            LineItems = [new() { Quantity = 1, PriceData = new() { Currency = "eur", UnitAmount = 2900, ProductData = new() { Name = "Gold plan" }, Recurring = new() { Interval = "month" } } }],
        });
        await PayWithoutBrowserAsync(session, FakeStripe.SucceedingCard);
        var subscriptionId = (await _client.V1.Checkout.Sessions.GetAsync(session.Id)).SubscriptionId;
        var first = (await _client.V1.Subscriptions.GetAsync(subscriptionId)).Items.Data[0];
        var created = await _receiver.WaitForAsync("invoice.paid");

        await _stripe.RenewAsync(subscriptionId, succeed: true);
        await _stripe.RenewAsync(subscriptionId, succeed: false);

        var renewed = (Invoice)(await _receiver.WaitForAsync("invoice.paid", e => ((Invoice)e.Data.Object).BillingReason == "subscription_cycle")).Data.Object;
        var failed = (Invoice)(await _receiver.WaitForAsync("invoice.payment_failed")).Data.Object;
        var now = await _client.V1.Subscriptions.GetAsync(subscriptionId);
        Assert.Equal(("subscription_create", 2900L), (((Invoice)created.Data.Object).BillingReason, ((Invoice)created.Data.Object).AmountPaid));
        Assert.Equal((subscriptionId, "gold", 2900L), (renewed.Parent.SubscriptionDetails.SubscriptionId, renewed.Parent.SubscriptionDetails.Metadata["plan"], renewed.AmountPaid));
        Assert.Equal((first.CurrentPeriodEnd, first.CurrentPeriodEnd.AddMonths(1)), (renewed.PeriodStart, renewed.PeriodEnd));
        Assert.Equal(("open", 1L, 0L), (failed.Status, failed.AttemptCount, failed.AmountPaid));
        Assert.Equal(("past_due", first.CurrentPeriodEnd.AddMonths(2)), (now.Status, now.Items.Data[0].CurrentPeriodEnd));
    }

    [Fact]
    public async Task AWronglySignedEvent_IsRefusedByTheSdk_AndHeldEventsCanArriveTwiceAndReversed()
    {
        var forged = await _stripe.SendWronglySignedEventAsync("payment_intent.succeeded", new() { ["id"] = "pi_forged", ["object"] = "payment_intent", ["amount"] = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Single(_receiver.Rejections);
        Assert.Empty(_receiver.Events);

        var session = await CreatePaymentSessionAsync(await CreateCustomerAsync());
        _stripe.HoldEvents();
        _stripe.SendEveryEventTwice = true;
        await PayWithoutBrowserAsync(session, FakeStripe.SucceedingCard);
        Assert.DoesNotContain(_receiver.Events, e => e.Type == "checkout.session.completed");
        await _stripe.ReleaseHeldEventsAsync(reverse: true);

        var order = _receiver.Events.Where(e => e.Type is "checkout.session.completed" or "payment_intent.succeeded").Select(e => e.Type);
        Assert.Equal(["checkout.session.completed", "checkout.session.completed", "payment_intent.succeeded", "payment_intent.succeeded"], order);
        Assert.All(_receiver.Events.Where(e => e.Type is "checkout.session.completed" or "payment_intent.succeeded").GroupBy(e => e.Id), same => Assert.Equal(2, same.Count()));
    }

    private Task<Customer> CreateCustomerAsync() =>
        _client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "ana@example.test", Name = "Ana Sousa" }, new RequestOptions { IdempotencyKey = "customer-" + Guid.NewGuid() });

    private Task<Session> CreatePaymentSessionAsync(Customer customer) => _client.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
    {
        Mode = "payment",
        Customer = customer.Id,
        ClientReferenceId = "inv-17",
        SuccessUrl = new Uri(_receiver.BaseUrl, "done").ToString() + "?session={CHECKOUT_SESSION_ID}",
        CancelUrl = "https://portal.example/invoices/17",
        AllowedPaymentMethodTypes = ["card", "sepa_debit"],
        PaymentIntentData = new() { Metadata = new() { ["invoice_id"] = "17" } },
        LineItems =
        [
            new() { Quantity = 2, PriceData = new() { Currency = "eur", UnitAmount = 1000, ProductData = new() { Name = "Boiler service" } } },
            new() { Quantity = 1, PriceData = new() { Currency = "eur", UnitAmount = 468, ProductData = new() { Name = "Seal kit" } } },
        ],
    }, new RequestOptions { IdempotencyKey = "session-" + Guid.NewGuid() });

    private static async Task PayWithCardAsync(IPage page, string number)
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.Locator("#submit").ClickAsync();
    }

    // The hosted page's form, posted as the browser would, where the browser itself is not what a test is about.
    private static Task PayWithoutBrowserAsync(Session session, string cardNumber) =>
        PostPageAsync(session, new() { ["card_number"] = cardNumber, ["card_expiry"] = "12 / 34", ["card_cvc"] = "123" });

    private static async Task PostPageAsync(Session session, Dictionary<string, string> fields)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.PostAsync(session.Url, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> RawPostAsync(string path, string form, string key, bool basic = false, string? idempotencyKey = null)
    {
        using var http = new HttpClient { BaseAddress = _stripe.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = basic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")))
            : new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(request);
    }
}
