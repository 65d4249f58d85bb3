import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { EstimateItem } from "./EstimateItem";
import { InvoiceItem } from "./InvoiceItem";
import { ReportItem } from "./ReportItem";

type Documents = components["schemas"]["PortalDocumentsDto"];

/** Estimates to approve or decline, job reports with their photos, invoices. */
export function DocumentsSection() {
  const documents = useSignal<Documents | "loading" | "failed">("loading");
  useEffect(() => {
    void api.GET("/api/v1/portal/documents").then(({ data }) => (documents.value = data ?? "failed"));
  }, []);
  const d = documents.value;
  return (
    <section class="card documents" aria-labelledby="documents-title">
      <h2 id="documents-title" tabIndex={-1}>{t("documents.title")}</h2>
      {d === "loading" && <p class="muted">{t("common.loading")}</p>}
      {d === "failed" && <p class="error" role="alert">{t("documents.loadFailed")}</p>}
      {typeof d === "object" && (
        <>
          <h3>{t("documents.estimates")}</h3>
          {d.estimates.length === 0 && <p class="muted">{t("documents.noEstimates")}</p>}
          {d.estimates.map(e => <EstimateItem key={e.id} estimate={e} />)}
          <h3>{t("documents.reports")}</h3>
          {d.reports.length === 0 && <p class="muted">{t("documents.noReports")}</p>}
          {d.reports.map(r => <ReportItem key={r.ticketId} report={r} />)}
          <h3>{t("documents.invoices")}</h3>
          {d.invoices.length === 0 && <p class="muted">{t("documents.noInvoices")}</p>}
          {d.invoices.map(i => <InvoiceItem key={i.id} invoice={i} />)}
        </>
      )}
    </section>
  );
}
