import { useSignal } from "@preact/signals";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { dateOnly, dayIn } from "../time";
import "./planPause.css";

type Subscription = components["schemas"]["PlanSubscriptionDto"];

/** How far ahead a resume date may be picked; the server refuses more (PlanPausing.MaxMonthsAhead). */
const MaxMonthsAhead = 3;

/** How often, and how long, a page looks again for a change Stripe confirms by webhook. */
export const LookEvery = 2_000;
export const ConfirmingFor = 60_000;

/**
 * Stripe confirms a change to a plan by webhook, a moment after the 202: loads again every few seconds until the
 * change shows (or a minute passed, or `stopped` says a problem was shown).
 */
export async function lookUntil(shows: () => boolean, load: () => Promise<unknown>, stopped: () => boolean = () => false): Promise<void> {
  const started = Date.now();
  while (!stopped() && !shows() && Date.now() - started < ConfirmingFor) {
    await new Promise(resolve => setTimeout(resolve, LookEvery));
    await load();
  }
}

/**
 * A paused plan in words, told apart by who paused it: "Paused until Mon 5 Jan" when asked for (by the customer or the
 * office), "Paused after failed payments" when dunning paused it. Null when the plan is not paused.
 */
export function pauseText(s: Subscription, zone: string): string | null {
  if (s.status !== "Paused") return null;
  if (!s.pausedByRequest) return t("plans.pausedAfterFailures");
  return s.resumesAt ? t("plans.pausedUntil", { day: dateOnly(new Date(s.resumesAt), zone) }) : t("plans.pausedOpen");
}

/**
 * Pause (with an optional day on which the charges resume) for a running plan, Resume for a paused one, whoever paused
 * it. The day is the company's calendar day; the picker offers tomorrow to three months ahead.
 */
export function PauseControls({ s, zone, busy, onPause, onResume }: {
  s: Subscription; zone: string; busy: boolean; onPause: (resumesAt: string | null) => void; onResume: () => void;
}) {
  const day = useSignal("");
  if (s.status === "Paused") {
    return <button type="button" disabled={busy} onClick={onResume} aria-label={t("plans.resumeNamed", { plan: s.plan.name })}>{t("plans.resume")}</button>;
  }
  if (s.status !== "Active") return null;
  const today = dayIn(new Date(), zone);
  return (
    <div class="plan-pause">
      <label>
        {t("plans.resumeOn")}
        <input type="date" value={day.value} min={shift(today, 0, 1)} max={shift(today, MaxMonthsAhead, 0)} onInput={e => (day.value = e.currentTarget.value)} />
      </label>
      <button type="button" disabled={busy} onClick={() => onPause(day.value || null)} aria-label={t("plans.pauseNamed", { plan: s.plan.name })}>
        {t("plans.pause")}
      </button>
    </div>
  );
}

/**
 * A calendar day (yyyy-mm-dd) moved by months, then days, as calendar arithmetic (no clock, no zone); a month too short
 * for the day gives its last day, as the server's DateOnly.AddMonths does.
 */
function shift(day: string, months: number, days: number): string {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const lastOfMonth = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastOfMonth) + days)).toISOString().slice(0, 10);
}
