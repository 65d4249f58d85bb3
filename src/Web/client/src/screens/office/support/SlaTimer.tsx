import type { components } from "../../../api/schema";
import { whenShort } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";

type Timer = components["schemas"]["SlaTimerDto"];
type Summary = components["schemas"]["CaseSummaryDto"];
export type Target = "firstResponse" | "resolution";

/** "2d 3h", "1h 05m", "12m": a span short enough for a queue row, in the units both languages read. */
export function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(rest).padStart(2, "0")}m`;
  return `${rest}m`;
}

/**
 * One SLA target's timer, coloured by its state: time left until it is due (clock time) or how long it is overdue,
 * the business time left while paused, or met. A target the case's priority does not have shows nothing.
 */
export function SlaTimer({ target, timer, now, zone }: { target: Target; timer: Timer | null | undefined; now: number; zone: string }) {
  if (!timer || timer.state === "None") return null;
  const label = t(`officeSupport.sla.${target}` as MessageKey);
  const due = timer.due ? new Date(timer.due) : null;
  const overdue = due !== null && due.getTime() <= now;
  const state = overdue && timer.state !== "Met" ? "Breached" : timer.state;
  const text = state === "Met" ? t("officeSupport.sla.met", { label })
    : state === "Paused" ? t("officeSupport.sla.paused", { label, left: span((timer.minutesLeftWhilePaused ?? 0) * 60_000) })
    : due === null ? t("officeSupport.sla.missed", { label })
    : overdue ? t("officeSupport.sla.overdue", { label, late: span(now - due.getTime()) })
    : t("officeSupport.sla.left", { label, left: span(due.getTime() - now) });
  return (
    <span class={`sla-timer sla-${state}`} data-target={target} title={due ? t("officeSupport.sla.dueAt", { when: whenShort(due, zone) }) : undefined}>
      {text}
    </span>
  );
}

/** The timer a queue row shows: the first answer while it is awaited, the resolution after. */
export function QueueTimer({ c, now, zone }: { c: Summary; now: number; zone: string }) {
  const awaited = c.firstResponseSla === "OnTrack" || c.firstResponseSla === "AtRisk" || (c.firstResponseSla === "Breached" && !c.firstResponseAt);
  const [target, state, due] = awaited
    ? ["firstResponse" as const, c.firstResponseSla, c.firstResponseDue]
    : ["resolution" as const, c.resolutionSla, c.resolutionDue];
  if (!state) return null;
  return <SlaTimer target={target} timer={{ state, due, targetMinutes: null, minutesLeftWhilePaused: null }} now={now} zone={zone} />;
}
