import { useSignal } from "@preact/signals";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { dateOnly } from "../../components/time";
import { t } from "../../i18n/i18n";
import { DocumentSummary } from "./DocumentSummary";
import { jobStatusLabel } from "./jobStatus";
import { ReportBody } from "./ReportBody";
import { zone } from "./session";

type Summary = components["schemas"]["ReportSummaryDto"];
type Report = components["schemas"]["JobReportDto"];

/** A job's report, fetched with its photos when it is opened (not for every job in the list). */
export function ReportItem({ report: r }: { report: Summary }) {
  const full = useSignal<Report | "loading" | "failed">("loading");
  const asked = useSignal(false);
  const when = r.departed ?? r.arrived;

  async function toggled(event: Event) {
    if (!(event.currentTarget as HTMLDetailsElement).open || asked.value) return;
    asked.value = true;
    const { data } = await api.GET("/api/v1/portal/reports/{ticketId}", { params: { path: { ticketId: r.ticketId } } });
    full.value = data ?? "failed";
  }

  return (
    <details class="report" data-id={r.ticketId} onToggle={toggled}>
      <DocumentSummary title={r.description} detail={when ? dateOnly(new Date(when), zone()) : ""} status={r.status} label={jobStatusLabel(r.status)} />
      {full.value === "loading" && <p class="muted">{t("documents.loading")}</p>}
      {full.value === "failed" && <p class="error">{t("documents.reportFailed")}</p>}
      {typeof full.value === "object" && <ReportBody report={full.value} />}
    </details>
  );
}
