import { api } from "../../../api/client";
import { jobPageHref } from "../../../components/office/jobPage";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/en";
import type { BoardStore } from "./boardStore";
import "./jobLink.css";

// Plain symbols with the text presentation selector: emoji fonts are missing on many Linux desktops.
const kinds: Record<string, { icon: string; label: MessageKey }> = {
  LateRisk: { icon: "◷", label: "dispatch.alerts.lateRisk" },
  UnassignedEmergency: { icon: "⚠\uFE0E", label: "dispatch.alerts.unassignedEmergency" },
  NoSignal: { icon: "⊘", label: "dispatch.alerts.noSignal" },
  PaymentFailed: { icon: "€", label: "dispatch.alerts.paymentFailed" },
  CaseEscalated: { icon: "⏱\uFE0E", label: "dispatch.alerts.caseEscalated" },
};

// A held alert (a payment given up, a support case escalated) stays until a dispatcher takes it down; the hub's next Alerts event drops it from the list.
async function dismiss(id: string) {
  await api.DELETE("/api/v1/dispatch/alerts/{id}", { params: { path: { id } } });
}

/**
 * The alerts: the hub's Alerts event and every board read carry the whole current list, which replaces what is shown.
 * An alert about a job links to the job's page; one about a technician alone (no signal) opens that technician.
 */
export function AlertsPanel({ store, onOpenTechnician }: { store: BoardStore; onOpenTechnician?: (technicianId: string) => void }) {
  const alerts = store.alerts.value;
  const zone = store.zone.value;
  return (
    <section class="panel" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t("dispatch.alerts.heading")} <span class={`badge${alerts.length > 0 ? " nosignal" : ""}`}>{alerts.length}</span></h2>
      <ul class="alerts" aria-labelledby="alerts-heading" aria-live="polite">
        {alerts.length === 0 ? <li class="empty muted">{t("dispatch.alerts.none")}</li> : alerts.map(alert => {
          const kind = kinds[alert.kind];
          return (
            <li key={alert.id} class={`alert kind-${alert.kind}`}>
              <span class="icon" aria-hidden="true">{kind?.icon ?? "!"}</span>
              <div class="body">
                <div class="head">
                  <strong>{kind ? t(kind.label) : alert.kind}</strong>
                  <span class="muted"><When at={alert.raisedAt} zone={zone} /></span>
                </div>
                <div class="alert-text">{alert.message}</div>
                {alert.kind === "CaseEscalated" ? (
                  <div class="alert-actions">
                    {alert.caseId && <a class="open-case" href={`/office/support/#${encodeURIComponent(alert.caseId)}`}>{t("dispatch.alerts.openCase")}</a>}
                    <button type="button" class="dismiss-alert" onClick={() => void dismiss(alert.id)}>{t("dispatch.alerts.dismiss")}</button>
                  </div>
                ) : alert.kind === "PaymentFailed" ? (
                  <div class="alert-actions">
                    {alert.customerId && <a class="open-customer" href={`/office/customers/#${encodeURIComponent(alert.customerId)}`}>{t("dispatch.alerts.openCustomer")}</a>}
                    <button type="button" class="dismiss-alert" onClick={() => void dismiss(alert.id)}>{t("dispatch.alerts.dismiss")}</button>
                  </div>
                ) : alert.ticketId ? <a class="open-job" href={jobPageHref(alert.ticketId)}>{t("office.job.link.open")}</a>
                  : alert.technicianId && onOpenTechnician && (
                    <button type="button" class="show-technician" onClick={() => onOpenTechnician(alert.technicianId!)}>
                      {t("office.job.link.showTechnician", { name: alert.technicianName ?? "" })}
                    </button>
                  )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
