import { jobPageHref } from "../../../components/office/jobPage";
import { t } from "../../../i18n/i18n";
import { duration, priorityLabel, windowText, type BoardJob } from "../format";
import type { BoardStore } from "./boardStore";
import type { BoardDrag } from "./drag";
import "./jobLink.css";

interface Props {
  job: BoardJob;
  selected: boolean;
  store: BoardStore;
  drag: BoardDrag;
}

/** A job waiting in the tray: drag it onto a technician's lane, or "Select" it and press "Assign here" on a row. */
export function JobCard({ job, selected, store, drag }: Props) {
  const zone = store.zone.value;
  const dragged = drag.state.value?.job.ticketId === job.ticketId;
  return (
    <li class={`job-card priority-${job.priority}${selected ? " selected" : ""}${dragged ? " dragging" : ""}`}
      aria-label={t("dispatch.tray.cardLabel", { priority: priorityLabel(job.priority), job: job.description })}
      onPointerDown={e => drag.press(e, job)}>
      <div class="card-head">
        <span class={`priority-badge priority-${job.priority}`}>{priorityLabel(job.priority)}</span>
        <strong class="description">{job.description}</strong>
      </div>
      <div class="facts muted">
        <span>{job.address}</span>
        <span>{t("dispatch.tray.window", { window: windowText(job.arrivalWindow, zone) })}</span>
        <span>{duration(job.estimatedMinutes)}</span>
      </div>
      {job.requiredSkills.length > 0 && (
        <div class="skills">{job.requiredSkills.map(skill => <span key={skill} class="skill">{skill}</span>)}</div>
      )}
      <div class="card-actions">
        <a class="open-job" href={jobPageHref(job.ticketId)} draggable={false}>{t("office.job.link.open")}<span class="visually-hidden">: {job.description}</span></a>
        <button type="button" class="select" aria-pressed={selected} aria-label={t(selected ? "dispatch.tray.selectedLabel" : "dispatch.tray.selectLabel", { job: job.description })}
          onClick={() => store.select(selected ? null : job)}>
          {selected ? t("dispatch.tray.selected") : t("dispatch.tray.select")}
        </button>
      </div>
    </li>
  );
}
