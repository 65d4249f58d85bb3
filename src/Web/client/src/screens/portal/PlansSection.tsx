import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { ConfirmingFor, LookEvery, lookUntil, pauseText, PauseControls } from "../../components/plans/PlanPause";
import { dateOnly, spanShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { money } from "./money";
import { route } from "./route";
import { zone } from "./session";

type Plans = components["schemas"]["PortalPlansDto"];
type Plan = components["schemas"]["PlanDto"];
type Subscription = components["schemas"]["PlanSubscriptionDto"];
type Property = components["schemas"]["PropertyDto"];

/**
 * Maintenance plans: the customer's own (status, next visit, next charge, ending at the period's end or kept, paused
 * until a day or resumed), and the plans on offer, subscribed to on Stripe's page for one of their properties. Back
 * from Stripe ("#plans/subscribed") the section looks again until the plan is active (it is, once Stripe's webhook
 * says the first period is paid).
 */
export function PlansSection() {
  const plans = useSignal<Plans | "loading" | "failed">("loading");
  const properties = useSignal<Property[]>([]);
  const busy = useSignal(false);
  const problem = useSignal("");
  const returned = route.value.section === "plans" && route.value.detail === "subscribed";

  const load = () => api.GET("/api/v1/portal/plans").then(({ data }) => (plans.value = data ?? (typeof plans.value === "object" ? plans.value : "failed")));
  useEffect(() => {
    void load();
    void api.GET("/api/v1/portal/properties").then(({ data }) => (properties.value = data ?? []));
    if (!returned) return;
    const started = Date.now();
    const timer = setInterval(() => (Date.now() - started > ConfirmingFor || active() ? clearInterval(timer) : void load()), LookEvery);
    return () => clearInterval(timer);
  }, [returned]);

  const active = () => typeof plans.value === "object" && plans.value.subscriptions.some(s => s.status === "Active");

  async function act(call: Promise<{ ok: boolean; problem?: string; data?: { url: string } }>) {
    busy.value = true;
    problem.value = "";
    const answer = await call;
    if (answer.ok && answer.data?.url) {
      location.assign(answer.data.url); // Stripe's page: the card is typed there, never here
      return;
    }
    busy.value = false;
    if (!answer.ok) problem.value = answer.problem ?? "";
    else await load();
  }

  const subscribe = (plan: Plan, propertyId: string) =>
    act(outcome(api.POST("/api/v1/portal/plans/subscribe", { body: { planId: plan.id, propertyId } })));
  // A change answers 202 and shows once Stripe's webhook reports it: look again until the plan shows it.
  const change = async (s: Subscription, call: Promise<{ ok: boolean; problem?: string }>, shows: (x: Subscription) => boolean) => {
    await act(call.then(a => ({ ...a, data: undefined })));
    await lookUntil(() => typeof plans.value === "object" && plans.value.subscriptions.some(x => x.id === s.id && shows(x)), load, () => !!problem.value);
  };
  const end = (s: Subscription, cancel: boolean) => change(s,
    outcome(api.POST(cancel ? "/api/v1/portal/plans/{id}/cancel" : "/api/v1/portal/plans/{id}/keep", { params: { path: { id: s.id } } })), x => x.cancelAtPeriodEnd === cancel);
  const pause = (s: Subscription, resumesAt: string | null) => change(s,
    outcome(api.POST("/api/v1/portal/plans/{id}/pause", { params: { path: { id: s.id } }, body: { resumesAt } })), x => x.status === "Paused" && !!x.pausedByRequest);
  const resume = (s: Subscription) => change(s, outcome(api.POST("/api/v1/portal/plans/{id}/resume", { params: { path: { id: s.id } } })), x => x.status !== "Paused");

  const p = plans.value;
  const propertyName = (id: string) => properties.value.find(x => x.id === id)?.name ?? "";
  return (
    <section class="card plans" aria-labelledby="plans-title">
      <h2 id="plans-title" tabIndex={-1}>{t("plans.title")}</h2>
      {returned && <p class="notice" role="status">{t(active() ? "plans.confirmed" : "plans.confirming")}</p>}
      {p === "loading" && <p class="muted">{t("common.loading")}</p>}
      {p === "failed" && <p class="error" role="alert">{t("portal.loadFailed")}</p>}
      {typeof p === "object" && (
        <>
          <h3>{t("plans.yours")}</h3>
          {p.subscriptions.length === 0 && <p class="muted">{t("plans.none")}</p>}
          <ul class="plan-list">
            {p.subscriptions.map(s => (
              <li key={s.id} class="plan-card" data-id={s.id}>
                <div class="plan-head">
                  <strong>{s.plan.name}</strong>
                  <span class={`badge plan-${s.status}`}>{t(`plans.status.${s.status}` as "plans.status.Active")}</span>
                </div>
                <p class="muted">{propertyName(s.propertyId)} · {price(s.plan)}</p>
                {s.nextVisit && <p>{t("plans.nextVisit", { when: spanShort(new Date(s.nextVisit.start), new Date(s.nextVisit.end), zone()) })}</p>}
                {s.paidUntil && s.status !== "Canceled" && s.status !== "Paused" && (
                  <p>{t(s.cancelAtPeriodEnd ? "plans.endsOn" : "plans.nextCharge", { day: dateOnly(new Date(s.paidUntil), zone()), amount: money(s.plan.price, s.plan.currency) })}</p>
                )}
                {s.status === "PastDue" && <p class="error">{t("plans.pastDue")}</p>}
                {s.status === "Paused" && <p class="plan-paused">{pauseText(s, zone())}</p>}
                {p.canManage && (s.status === "Active" || s.status === "PastDue") && (
                  <button type="button" disabled={busy.value} onClick={() => void end(s, !s.cancelAtPeriodEnd)}>
                    {t(s.cancelAtPeriodEnd ? "plans.keep" : "plans.end")}
                  </button>
                )}
                {p.canManage && (
                  <PauseControls s={s} zone={zone()} busy={busy.value} onPause={resumesAt => void pause(s, resumesAt)} onResume={() => void resume(s)} />
                )}
              </li>
            ))}
          </ul>
          <h3>{t("plans.offered")}</h3>
          {p.offered.length === 0 && <p class="muted">{t("plans.noneOffered")}</p>}
          <ul class="plan-list">
            {p.offered.map(plan => <OfferedPlan key={plan.id} plan={plan} properties={properties.value} canManage={p.canManage} busy={busy.value} onSubscribe={subscribe} />)}
          </ul>
          {problem.value && <p class="error" role="alert">{problem.value}</p>}
        </>
      )}
    </section>
  );
}

function OfferedPlan({ plan, properties, canManage, busy, onSubscribe }: {
  plan: Plan; properties: Property[]; canManage: boolean; busy: boolean; onSubscribe: (plan: Plan, propertyId: string) => void;
}) {
  const chosen = useSignal("");
  const propertyId = chosen.value || properties[0]?.id || "";
  return (
    <li class="plan-card" data-id={plan.id}>
      <div class="plan-head"><strong>{plan.name}</strong><span>{price(plan)}</span></div>
      {plan.description && <p>{plan.description}</p>}
      <p class="muted">{t("plans.visits", { count: String(plan.visitsPerPeriod) })}</p>
      {canManage && properties.length > 0 && (
        <div class="plan-subscribe">
          {properties.length > 1 && (
            <label>
              {t("plans.forProperty")}
              <select value={propertyId} onChange={e => (chosen.value = e.currentTarget.value)}>
                {properties.map(x => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            </label>
          )}
          <button type="button" class="primary" disabled={busy || !propertyId} onClick={() => onSubscribe(plan, propertyId)}>
            {t("plans.subscribe", { plan: plan.name })}
          </button>
        </div>
      )}
    </li>
  );
}

/** "€25.00 a month", "€120.00 every 2 years". */
function price(plan: Plan): string {
  const amount = money(plan.price, plan.currency);
  const key = plan.interval === "Year" ? (plan.intervalCount === 1 ? "plans.perYear" : "plans.perYears") : (plan.intervalCount === 1 ? "plans.perMonth" : "plans.perMonths");
  return t(key, { amount, count: String(plan.intervalCount) });
}
