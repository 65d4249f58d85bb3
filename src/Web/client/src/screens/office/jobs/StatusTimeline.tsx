import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { mainSteps, statusLabel } from "./status";
import type { AuditEntry, Ticket } from "./types";

interface Step {
  status: string;
  /** When the job last reached this step; null when it never did. */
  at: string | null;
  state: "done" | "current" | "skipped" | "ahead";
}

/**
 * The job's steps drawn as a line (across on a desk, down on a phone) with when each was reached, then the audit trail
 * underneath: every change with who made it, when and why. The line is a summary; the trail is the record.
 */
export function StatusTimeline({ ticket, zone, technicianName }: { ticket: Ticket; zone: string; technicianName: string | null }) {
  const steps = stepsOf(ticket);
  return (
    <section class="card job-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("office.job.timeline")}</h2>
      <ol class="steps" aria-label={t("office.job.steps")}>
        {steps.map(step => (
          <li key={step.status} class={`step ${step.state} status-${step.status}`} aria-current={step.state === "current" ? "step" : undefined}>
            <span class="dot" aria-hidden="true" />
            <span class="name">{statusLabel(step.status)}</span>
            <span class="when muted">{step.at ? <When at={step.at} zone={zone} /> : step.state === "ahead" ? "…" : "–"}</span>
          </li>
        ))}
      </ol>
      <h3>{t("office.job.audit")}</h3>
      <ol class="audit">
        {ticket.audit.map((entry, i) => <AuditItem key={i} entry={entry} zone={zone} technicianName={entry.technicianId === ticket.technicianId ? technicianName : null} />)}
      </ol>
    </section>
  );
}

function AuditItem({ entry, zone, technicianName }: { entry: AuditEntry; zone: string; technicianName: string | null }) {
  return (
    <li>
      <When at={entry.at} zone={zone} />{" "}
      <strong>{entry.from ? t("office.job.auditChange", { from: statusLabel(entry.from), to: statusLabel(entry.to) }) : t("office.job.auditCreated", { to: statusLabel(entry.to) })}</strong>{" "}
      <span class="muted">{t("office.job.auditBy", { actor: entry.actor })}</span>
      {entry.technicianId && <div class="muted">{t("office.job.auditTechnician", { name: technicianName ?? entry.technicianId })}</div>}
      {entry.reason && <div>{t("office.job.auditReason", { reason: entry.reason })}</div>}
    </li>
  );
}

/** The main line's steps, each with the last time the job reached it; a cancelled or held job ends on that state. */
function stepsOf(ticket: Ticket): Step[] {
  const reached = new Map<string, string>();
  for (const entry of ticket.audit) reached.set(entry.to, entry.at);
  const offLine = ticket.status === "Cancelled" || ticket.status === "OnHold";
  // Where the job stands on the main line: its own step, or for one off the line the furthest step it had reached.
  const current = offLine ? Math.max(-1, ...mainSteps.map((s, i) => (reached.has(s) ? i : -1))) : mainSteps.indexOf(ticket.status as (typeof mainSteps)[number]);
  const steps: Step[] = mainSteps.map((status, i) => ({
    status,
    at: i <= current ? reached.get(status) ?? null : null,
    state: i === current && !offLine ? "current" : i <= current ? (reached.has(status) ? "done" : "skipped") : "ahead",
  }));
  if (offLine) steps.push({ status: ticket.status, at: reached.get(ticket.status) ?? null, state: "current" });
  return steps;
}
