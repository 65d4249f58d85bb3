import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { companyCurrency } from "../../../components/office/companyCurrency";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { t } from "../../../i18n/i18n";
import { currencyDecimals, money, scaledInteger } from "../../portal/money";
import "./plans.css";

type Plan = components["schemas"]["PlanDto"];

interface Draft {
  name: string;
  description: string;
  price: string;
  currency: string;
  interval: "Month" | "Year";
  intervalCount: string;
  visitsPerPeriod: string;
  visitMinutes: string;
}

/** A blank plan in the company's currency (empty until the company answers: an empty currency is the company's at the server too). */
const emptyDraft = (currency: string): Draft => ({ name: "", description: "", price: "", currency, interval: "Year", intervalCount: "1", visitsPerPeriod: "2", visitMinutes: "60" });

/**
 * The company's maintenance plans: those on offer and retired, and a form to define one (price per period, how often
 * it renews, how many visits each period brings). Customers subscribe from their portal; each paid period puts its
 * visits on the dispatch board.
 */
export function PlansScreen() {
  const plans = useSignal<Plan[] | null>(null);
  const currency = useSignal("");
  const draft = useSignal<Draft>(emptyDraft(""));
  const fields = useSignal<Record<string, string[]>>({});
  const status = useSignal("");
  const busy = useSignal(false);

  async function load() {
    const { data, response } = await api.GET("/api/v1/plans");
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    plans.value = data ?? [];
  }

  useEffect(() => {
    document.title = t("officePlans.pageTitle");
    void load();
    void companyCurrency().then(code => {
      if (!code) return;
      currency.value = code;
      if (draft.value.currency === "") draft.value = { ...draft.value, currency: code };
    });
  }, []);

  const set = (change: Partial<Draft>) => (draft.value = { ...draft.value, ...change });

  async function define(event: Event) {
    event.preventDefault();
    busy.value = true;
    status.value = "";
    const d = draft.value;
    const answer = await outcome(api.POST("/api/v1/plans", {
      body: {
        name: d.name, description: d.description || null, price: scaledInteger(d.price, currencyDecimals(d.currency.trim() || currency.value)),
        currency: d.currency.trim() || null, interval: d.interval, intervalCount: Number(d.intervalCount), visitsPerPeriod: Number(d.visitsPerPeriod),
        visitMinutes: Number(d.visitMinutes), skills: [],
      },
    }));
    busy.value = false;
    if (!answer.ok) { fields.value = answer.fields; status.value = Object.keys(answer.fields).length > 0 ? t("officePlans.fixFields") : answer.problem; return; }
    fields.value = {};
    draft.value = emptyDraft(currency.value);
    status.value = t("officePlans.defined", { name: answer.data.name });
    await load();
  }

  async function retire(plan: Plan) {
    await api.DELETE("/api/v1/plans/{id}", { params: { path: { id: plan.id } } });
    await load();
  }

  const problem = (field: string) => fields.value[field] ? <span id={`plan-${field}-error`} class="error field-error">{fields.value[field]!.join(" ")}</span> : null;
  const described = (field: string) => (fields.value[field] ? `plan-${field}-error` : undefined);
  const field = (name: keyof Draft, label: string, props: Record<string, string> = {}) => (
    <div class="plan-field">
      <label for={`plan-${name}`}>{label}</label>
      <input id={`plan-${name}`} value={draft.value[name]} aria-invalid={!!fields.value[name === "price" ? "price" : name]} aria-describedby={described(name)}
        onInput={e => set({ [name]: e.currentTarget.value } as Partial<Draft>)} {...props} />
      {problem(name)}
    </div>
  );

  return (
    <>
      <OfficeHeader current="plans" />
      <main class="office-plans">
        <section class="card" aria-labelledby="plans-title">
          <h2 id="plans-title">{t("officePlans.title")}</h2>
          {plans.value === null && <p class="muted">{t("common.loading")}</p>}
          {plans.value?.length === 0 && <p class="muted">{t("officePlans.none")}</p>}
          <ul class="plan-rows">
            {plans.value?.map(p => (
              <li key={p.id} class={p.active ? "plan-row" : "plan-row retired"} data-id={p.id}>
                <strong>{p.name}</strong>
                <span>{money(p.price, p.currency)} / {t(p.interval === "Year" ? "officePlans.years" : "officePlans.months", { count: String(p.intervalCount) })}</span>
                <span class="muted">{t("officePlans.visitsEach", { count: String(p.visitsPerPeriod), minutes: String(p.visitMinutes) })}</span>
                {p.active
                  ? <button type="button" onClick={() => void retire(p)} aria-label={t("officePlans.retireNamed", { name: p.name })}>{t("officePlans.retire")}</button>
                  : <span class="badge">{t("officePlans.retired")}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="define-title">
          <h2 id="define-title">{t("officePlans.define")}</h2>
          <form class="plan-form" onSubmit={define} noValidate>
            {field("name", t("officePlans.name"), { maxLength: "200" })}
            {field("description", t("officePlans.description"), { maxLength: "2000" })}
            {field("price", t("officePlans.price"), { inputMode: "decimal" })}
            {field("currency", t("officePlans.currency"), { maxLength: "3" })}
            <div class="plan-field">
              <label for="plan-interval">{t("officePlans.interval")}</label>
              <select id="plan-interval" value={draft.value.interval} onChange={e => set({ interval: e.currentTarget.value as Draft["interval"] })}>
                <option value="Month">{t("officePlans.month")}</option>
                <option value="Year">{t("officePlans.year")}</option>
              </select>
            </div>
            {field("intervalCount", t("officePlans.intervalCount"), { type: "number", min: "1", max: "12" })}
            {field("visitsPerPeriod", t("officePlans.visitsPerPeriod"), { type: "number", min: "1", max: "52" })}
            {field("visitMinutes", t("officePlans.visitMinutes"), { type: "number", min: "15", max: "600" })}
            <div class="actions"><button type="submit" class="primary" disabled={busy.value}>{t("officePlans.submit")}</button></div>
            {status.value && <p role="status">{status.value}</p>}
          </form>
        </section>
      </main>
    </>
  );
}
