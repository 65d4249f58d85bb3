import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome, type Outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { route } from "./route";

type Methods = components["schemas"]["PaymentMethodsDto"];
type Method = components["schemas"]["SavedMethodDto"];

/**
 * Saved payment methods and autopay, for the people who pay the bills. Adding one opens Stripe's page (setup mode): the
 * card or IBAN is typed there, never here, and Stripe sends the browser back to "#payment-methods/added". The list is
 * what Stripe holds (brand, last 4, expiry; bank and last 4). Autopay charges each new invoice to the default method.
 */
export function PaymentMethodsSection() {
  const methods = useSignal<Methods | "loading" | "failed" | "refused">("loading");
  const busy = useSignal(false);
  const problem = useSignal("");
  /** What the switch was just turned to, shown until the server answers (then its answer is what shows). */
  const switching = useSignal<boolean | null>(null);
  const added = route.value.section === "payment-methods" && route.value.detail === "added";

  useEffect(() => {
    void api.GET("/api/v1/portal/payment-methods").then(({ data, response }) =>
      (methods.value = data ?? (response.status === 403 ? "refused" : "failed")));
  }, []);

  async function act<T>(call: Promise<Outcome<T>>, then: (data: T) => void) {
    busy.value = true;
    problem.value = "";
    const answer = await call;
    busy.value = false;
    if (answer.ok) then(answer.data);
    else problem.value = answer.problem;
  }

  const add = () => act(outcome(api.POST("/api/v1/portal/payment-methods/setup")), data => {
    busy.value = true;
    location.assign(data.url); // Stripe's page: the card or IBAN is typed there, never here
  });
  const shown = (data: Methods) => (methods.value = data);
  const makeDefault = (m: Method) => act(outcome(api.PUT("/api/v1/portal/payment-methods/default", { body: { paymentMethodId: m.id } })), shown);
  const remove = (m: Method) => {
    if (!confirm(t("wallet.confirmRemove", { method: describe(m) }))) return;
    void act(outcome(api.DELETE("/api/v1/portal/payment-methods/{id}", { params: { path: { id: m.id } } })), shown);
  };
  const autopay = async (enabled: boolean) => {
    switching.value = enabled;
    await act(outcome(api.PUT("/api/v1/portal/payment-methods/autopay", { body: { enabled } })), shown);
    switching.value = null;
  };

  const m = methods.value;
  const chosen = typeof m === "object" ? m.methods.find(x => x.isDefault) : undefined;
  return (
    <section class="card wallet" aria-labelledby="wallet-title">
      <h2 id="wallet-title" tabIndex={-1}>{t("wallet.title")}</h2>
      {added && <p class="notice" role="status">{t("wallet.added")}</p>}
      {m === "loading" && <p class="muted">{t("common.loading")}</p>}
      {m === "failed" && <p class="error" role="alert">{t("portal.loadFailed")}</p>}
      {m === "refused" && <p class="muted">{t("wallet.payersOnly")}</p>}
      {typeof m === "object" && !m.enabled && <p class="muted">{t("wallet.notSetUp")}</p>}
      {typeof m === "object" && m.enabled && (
        <>
          <p class="muted">{t("wallet.intro")}</p>
          {m.methods.length === 0 && <p class="muted">{t("wallet.none")}</p>}
          <ul class="method-list">
            {m.methods.map(x => (
              <li key={x.id} class="method-card" data-id={x.id}>
                <div class="method-head">
                  <strong>{describe(x)}</strong>
                  {x.isDefault && <span class="badge method-default">{t("wallet.default")}</span>}
                </div>
                {detail(x) && <p class="muted">{detail(x)}</p>}
                <div class="method-actions">
                  {!x.isDefault && (
                    <button type="button" disabled={busy.value} aria-label={t("wallet.makeDefaultOf", { method: describe(x) })} onClick={() => void makeDefault(x)}>
                      {t("wallet.makeDefault")}
                    </button>
                  )}
                  <button type="button" disabled={busy.value} aria-label={t("wallet.removeOf", { method: describe(x) })} onClick={() => remove(x)}>
                    {t("wallet.remove")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="primary" disabled={busy.value} onClick={() => void add()}>{t("wallet.add")}</button>
          </div>
          <div class="autopay">
            <label>
              <input type="checkbox" role="switch" checked={switching.value ?? m.autopay} disabled={busy.value || (m.methods.length === 0 && !m.autopay)}
                aria-describedby="autopay-help" onChange={e => void autopay(e.currentTarget.checked)} />
              {t("wallet.autopay")}
            </label>
            <p id="autopay-help" class="muted">{t("wallet.autopayHelp")}</p>
            <p role="status" class="autopay-state">
              {m.methods.length === 0 ? t("wallet.autopayNeedsMethod")
                : m.autopay && chosen ? t("wallet.autopayOn", { method: describe(chosen) }) : t("wallet.autopayOff")}
            </p>
          </div>
          {busy.value && <p class="muted" role="status">{t("common.loading")}</p>}
        </>
      )}
      {problem.value && <p class="error" role="alert">{problem.value}</p>}
    </section>
  );
}

/** "Visa ending in 4242", "SEPA Direct Debit ending in 3000". */
function describe(m: Method): string {
  if (m.type === "card") return t("wallet.card", { brand: brandName(m.brand ?? ""), last4: m.last4 ?? "" });
  return t(m.type === "sepa_debit" ? "wallet.sepa" : "wallet.bank", { last4: m.last4 ?? "" });
}

function detail(m: Method): string {
  if (m.type === "card" && m.expMonth && m.expYear) return t("wallet.expires", { month: String(m.expMonth).padStart(2, "0"), year: String(m.expYear) });
  return m.bank ? t("wallet.bankCode", { bank: m.bank }) : "";
}

/** Stripe's brand codes ("visa", "amex") as people write them. */
function brandName(brand: string): string {
  const names: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", diners: "Diners Club", unionpay: "UnionPay" };
  return names[brand] ?? (brand ? brand[0]!.toUpperCase() + brand.slice(1) : "Card");
}
