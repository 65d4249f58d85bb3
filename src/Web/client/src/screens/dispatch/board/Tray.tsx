import { t } from "../../../i18n/i18n";
import { PRIORITY_RANK, type BoardJob } from "../format";
import type { Filters } from "../filters/filters";
import type { BoardStore } from "./boardStore";
import type { BoardDrag } from "./drag";
import { JobCard } from "./JobCard";

interface Props {
  store: BoardStore;
  drag: BoardDrag;
  filters: Filters;
  onNewJob(): void;
}

/** The jobs waiting for a technician, emergencies first, then by window start. */
export function Tray({ store, drag, filters, onNewJob }: Props) {
  const test = filters.jobTest.value;
  const jobs = sortTray((store.board.value?.unassigned ?? []).filter(test));
  const selected = store.selected.value?.ticketId;
  return (
    <section class="panel tray-panel" aria-labelledby="tray-heading">
      <div class="panel-head">
        <h2 id="tray-heading">{t("dispatch.tray.heading")} <span class="badge">{jobs.length}</span></h2>
        <button type="button" class="primary" onClick={onNewJob}>{t("dispatch.tray.newJob")}</button>
      </div>
      <ul class="tray" aria-labelledby="tray-heading">
        {jobs.length === 0
          ? <li class="empty muted">{t(store.board.value?.unassigned.length ? "dispatch.filters.noJobs" : "dispatch.tray.empty")}</li>
          : jobs.map(job => <JobCard key={job.ticketId} job={job} selected={job.ticketId === selected} store={store} drag={drag} />)}
      </ul>
    </section>
  );
}

function sortTray(jobs: readonly BoardJob[]): BoardJob[] {
  const start = (j: BoardJob) => (j.arrivalWindow ? Date.parse(j.arrivalWindow.start) : Infinity);
  return [...jobs].sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || start(a) - start(b));
}
