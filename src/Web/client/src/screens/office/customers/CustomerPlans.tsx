import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { companyZone } from "../../../components/office/companyZone";
import { lookUntil, pauseText, PauseControls } from "../../../components/plans/PlanPause";
import { dateOnly } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { money } from "../../portal/money";
import type { Property } from "./types";

type Subscription = components["schemas"]["PlanSubscriptionDto"];

/**
 * The customer's maintenance plans on their page: each one's status, its next charge, and Pause (until a day, or
 * until resumed) or Resume, whoever paused it. A change shows once Stripe's webhook reports it, so the list is read
 * again until it does.
 */
export function CustomerPlans({ customerId, properties }: { customerId: string; properties: Property[] }) {
  const plans = useSignal<Subscription[] | null>(null);
  const failed = useSignal("");
  const busy = useSignal(false);

  async function load() {
    const answer = await outcome(api.GET("/api/v1/customers/{id}/plans", { params: { path: { id: customerId } } }));
    if (answer.ok) plans.value = answer.data;
    else failed.value = t("plans.customerLoadFailed");
  }
  useEffect(() => { void load(); }, [customerId]);

  async function change(s: Subscription, call: Promise<{ ok: boolean; problem?: string }>, shows: (x: Subscription) => boolean) {
    busy.value = true;
    failed.value = "";
    const answer = await call;
    if (!answer.ok) failed.value = answer.problem ?? "";
    else await lookUntil(() => (plans.value ?? []).some(x => x.id === s.id && shows(x)), load, () => !!failed.value);
    busy.value = false;
  }
  const path = (s: Subscription) => ({ path: { id: customerId, subscriptionId: s.id } });
  const pause = (s: Subscription, resumesAt: string | null) =>
    change(s, outcome(api.POST("/api/v1/customers/{id}/plans/{subscriptionId}/pause", { params: path(s), body: { resumesAt } })), x => x.status === "Paused" && !!x.pausedByRequest);
  const resume = (s: Subscription) =>
    change(s, outcome(api.POST("/api/v1/customers/{id}/plans/{subscriptionId}/resume", { params: path(s) })), x => x.status !== "Paused");

  const zone = companyZone.value;
  const list = plans.value;
  return (
    <section class="card customer-plans" aria-labelledby="customer-plans-title">
      <h2 id="customer-plans-title">{t("plans.customerTitle")}</h2>
      {list !== null && list.length === 0 && <p class="muted">{t("plans.customerNone")}</p>}
      <ul class="plain plan-list">
        {(list ?? []).map(s => (
          <li key={s.id} class="plan-card" data-id={s.id}>
            <span><strong>{s.plan.name}</strong> <span class={`badge plan-${s.status}`}>{t(`plans.status.${s.status}` as "plans.status.Active")}</span>
              <span class="muted"> {properties.find(p => p.id === s.propertyId)?.name ?? ""}</span></span>
            {s.paidUntil && s.status !== "Canceled" && s.status !== "Paused" && (
              <span>{t(s.cancelAtPeriodEnd ? "plans.endsOn" : "plans.nextCharge", { day: dateOnly(new Date(s.paidUntil), zone), amount: money(s.plan.price, s.plan.currency) })}</span>
            )}
            {s.status === "Paused" && <span class="plan-paused">{pauseText(s, zone)}</span>}
            <PauseControls s={s} zone={zone} busy={busy.value} onPause={resumesAt => void pause(s, resumesAt)} onResume={() => void resume(s)} />
          </li>
        ))}
      </ul>
      <p class="error" role="alert">{failed.value}</p>
    </section>
  );
}
