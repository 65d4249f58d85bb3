import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { t } from "../../../i18n/i18n";
import { JobConversation } from "./JobConversation";
import { JobDetails } from "./JobDetails";
import { JobDocuments } from "./JobDocuments";
import { JobReportCard } from "./JobReportCard";
import { JobRouteCard } from "./JobRouteCard";
import { StatusTimeline } from "./StatusTimeline";
import type { JobOverview } from "./types";
import "./jobs.css";

type Problem = { key: "office.job.noId" | "office.job.notFound" } | { key: "office.job.loadFailed"; status: number };

/**
 * One job for the office at /office/jobs/?id={ticketId}: what it is and for whom, where it stands (a status line and
 * the audit trail), the route it is on, its report, its estimates and invoices, and its conversation, from one call.
 * Every time is the company's (the answer names its zone), whatever the dispatcher's own clock says.
 */
export function JobScreen() {
  const id = new URLSearchParams(location.search).get("id") ?? "";
  const overview = useSignal<JobOverview | null>(null);
  const problem = useSignal<Problem | null>(id ? null : { key: "office.job.noId" });

  async function load() {
    const { data, response } = await api.GET("/api/v1/tickets/{id}/overview", { params: { path: { id } } });
    if (response.status === 401) {
      location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname + location.search);
      return;
    }
    if (data) overview.value = data;
    else problem.value = response.status === 404 ? { key: "office.job.notFound" } : { key: "office.job.loadFailed", status: response.status };
  }
  useEffect(() => { if (id) void load(); }, []);

  const o = overview.value;
  useEffect(() => {
    document.title = o ? t("office.job.pageTitle", { job: o.ticket.description || o.ticket.address }) : t("office.job.pageTitleBare");
  });

  const p = problem.value;
  return (
    <>
      <OfficeHeader />
      <main class="job-page">
        {p ? <section class="card"><p class="error" role="alert">{p.key === "office.job.loadFailed" ? t(p.key, { status: p.status }) : t(p.key)}</p></section>
          : !o ? <section class="card"><p class="muted">{t("common.loading")}</p></section>
          : (
            <>
              <JobDetails overview={o} />
              <JobRouteCard route={o.route} zone={o.timeZone} />
              <StatusTimeline ticket={o.ticket} zone={o.timeZone} technicianName={o.technicianName} />
              <JobDocuments overview={o} onChanged={load} />
              <JobReportCard report={o.report} zone={o.timeZone} />
              <JobConversation threadId={o.threadId} zone={o.timeZone} />
            </>
          )}
      </main>
    </>
  );
}
