import { useComputed } from "@preact/signals";
import { t } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/en";
import type { BoardStore } from "../board/boardStore";
import { priorityLabel, type TicketPriority } from "../format";
import type { Fleet } from "../fleet/fleet";
import type { Filters, JobStatus } from "./filters";

const statuses: readonly JobStatus[] = ["New", "Scheduled", "Assigned", "EnRoute", "OnSite"];
const statusKeys: Partial<Record<JobStatus, MessageKey>> = {
  New: "dispatch.filters.status.new",
  Scheduled: "dispatch.filters.status.scheduled",
  Assigned: "dispatch.filters.status.assigned",
  EnRoute: "dispatch.filters.status.enRoute",
  OnSite: "dispatch.filters.status.onSite",
};
const priorities: readonly TicketPriority[] = ["Emergency", "High", "Routine"];

interface Props {
  filters: Filters;
  fleet: Fleet;
  board: BoardStore;
}

/**
 * The dashboard's filters (the technician's name is the list's search box): skill, job status, priority. They narrow
 * the technician list, the day plan and the map together; how much they hide is said here, with a way back.
 */
export function FiltersPanel({ filters, fleet, board }: Props) {
  // Counted only when a filter or the roster changes, not when technicians move.
  const technicians = useComputed(() => {
    const test = filters.technicianTest.value;
    const ids = fleet.roster.value;
    let shown = 0;
    for (const id of ids) if (test(id, fleet.technician(id)?.peek().name ?? "")) shown++;
    return { shown, total: ids.length };
  });
  const hiddenJobs = useComputed(() => {
    const test = filters.jobTest.value;
    const shown = board.board.value;
    const jobs = [...(shown?.unassigned ?? []), ...(shown?.technicians ?? []).flatMap(tech => tech.stops.map(s => s.job))];
    return jobs.filter(job => !test(job)).length;
  });

  return (
    <section class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="visually-hidden">{t("dispatch.filters.heading")}</h2>
      <div class="filter-fields">
        <div class="filter-field">
          <label for="filter-skill">{t("dispatch.filters.skill")}</label>
          <select id="filter-skill" value={filters.skill.value} onChange={e => (filters.skill.value = e.currentTarget.value)}>
            <option value="">{t("dispatch.filters.anySkill")}</option>
            {filters.skills.value.map(skill => <option key={skill} value={skill}>{skill}</option>)}
          </select>
        </div>
        <div class="filter-field">
          <label for="filter-status">{t("dispatch.filters.status")}</label>
          <select id="filter-status" value={filters.status.value} onChange={e => (filters.status.value = e.currentTarget.value as JobStatus | "")}>
            <option value="">{t("dispatch.filters.anyStatus")}</option>
            {statuses.map(status => <option key={status} value={status}>{t(statusKeys[status]!)}</option>)}
          </select>
        </div>
        <div class="filter-field">
          <label for="filter-priority">{t("dispatch.filters.priority")}</label>
          <select id="filter-priority" value={filters.priority.value} onChange={e => (filters.priority.value = e.currentTarget.value as TicketPriority | "")}>
            <option value="">{t("dispatch.filters.anyPriority")}</option>
            {priorities.map(priority => <option key={priority} value={priority}>{priorityLabel(priority)}</option>)}
          </select>
        </div>
      </div>
      <div class="filter-summary">
        {/* Announced as it changes, without being a second "status" of the page (the board has its own). */}
        <p aria-live="polite">
          {t("dispatch.filters.shown", { shown: technicians.value.shown, total: technicians.value.total })}
          {hiddenJobs.value > 0 && <> · {t("dispatch.filters.jobsHidden", { count: hiddenJobs.value })}</>}
        </p>
        <button type="button" disabled={!filters.active.value} onClick={() => filters.clear()}>{t("dispatch.filters.clear")}</button>
      </div>
    </section>
  );
}
