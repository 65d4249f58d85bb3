import { jobPageHref } from "../../../components/office/jobPage";
import { t } from "../../../i18n/i18n";
import { clock, duration, priorityLabel, windowText, type BoardStop } from "../format";
import type { BoardStore } from "./boardStore";
import type { BoardDrag } from "./drag";
import { fitChip } from "./fitText";
import { percent, type Scale } from "./scale";
import "./jobLink.css";
import { StopConflicts } from "./StopConflicts";

/** Room a chip keeps for its padding, its link to the job's page and, on an assigned job, its unassign button (see .stop in dispatch.css). */
const PADDING = 8;
const UNASSIGN = 20;
const OPEN_JOB = 18;
/** The narrowest label worth keeping beside the buttons: a stop number. */
const MIN_LABEL = 14;

interface Props {
  stop: BoardStop;
  number: number;
  scale: Scale;
  laneWidth: number;
  store: BoardStore;
  drag: BoardDrag;
}

/** One planned stop on a technician's lane, from its planned start to its departure; drag it to another lane to move it. */
export function TimelineStop({ stop, number, scale, laneWidth, store, drag }: Props) {
  const job = stop.job;
  const zone = store.zone.value;
  const selected = store.selected.value?.ticketId === job.ticketId;
  const minutesLate = Math.round(stop.minutesLate);
  const late = stop.minutesLate >= 0.5;
  const start = percent(scale, Date.parse(stop.plannedStart));
  const span = Math.max(0, percent(scale, Date.parse(stop.plannedDeparture)) - start);
  const removable = job.status === "Assigned";

  const lateText = late ? t("dispatch.stop.lateShort", { minutes: minutesLate }) : null;
  const etaText = stop.eta ? t("dispatch.stop.eta", { time: clock(stop.eta, zone) }) : null;
  const chipWidth = Math.max((span / 100) * laneWidth, 0);
  // A chip too short for its buttons keeps them out of sight until pointed at or focused (then it widens over its
  // neighbours): at their full width, short stops on a busy lane covered each other's buttons.
  const actions = OPEN_JOB + (removable ? UNASSIGN : 0);
  const compact = chipWidth < PADDING + MIN_LABEL + actions;
  const shown = fitChip(String(number), { late: lateText, description: job.description, eta: etaText }, chipWidth - PADDING - (compact ? 0 : actions) - (job.pinned ? 12 : 0));

  const title = [
    t("dispatch.stop.titleJob", { number, job: job.description, priority: priorityLabel(job.priority), status: job.status }),
    job.address,
    t("dispatch.stop.titlePlan", { from: clock(stop.plannedStart, zone), to: clock(stop.plannedDeparture, zone), window: windowText(job.arrivalWindow, zone), duration: duration(job.estimatedMinutes) }),
    etaText,
    late ? t("dispatch.stop.lateLong", { minutes: minutesLate }) : null,
    job.pinned ? t("dispatch.stop.pinnedLong") : null,
  ].filter(Boolean).join("\n");
  const name = t("dispatch.stop.label", {
    number,
    job: job.description,
    time: clock(stop.plannedStart, zone),
    late: late ? t("dispatch.stop.labelLate", { minutes: minutesLate }) : "",
    pinned: job.pinned ? t("dispatch.stop.labelPinned") : "",
  });

  return (
    <li class={`stop priority-${job.priority} job-${job.status}${late ? " late" : ""}${selected ? " selected" : ""}${removable ? " removable" : ""}${compact ? " compact" : ""}`}
      style={{ insetInlineStart: `${start}%`, width: `${span}%` }} title={title} onPointerDown={e => drag.press(e, job)}>
      {/* What fits is shown; the whole of it is what the button says, to a screen reader and to a search of the page. */}
      <button type="button" class="stop-label" aria-pressed={selected} onClick={() => store.select(selected ? null : job)}>
        <span class="visually-hidden">{name}</span>
        <span class="number" aria-hidden="true">{number}</span>
        {job.pinned && <span class="pin" aria-hidden="true">⚑</span>}
        {shown.late && <span class="late-badge" aria-hidden="true">{shown.late}</span>}
        {shown.description && <span class="text" aria-hidden="true">{shown.description}</span>}
        {shown.eta && <span class="eta" aria-hidden="true">{shown.eta}</span>}
      </button>
      <StopConflicts stop={stop} />
      {/* A link, so it opens in a new tab too; not draggable, so pressing it still drags the stop (a drag swallows the click). */}
      <a class="open-job" href={jobPageHref(job.ticketId)} draggable={false} aria-label={t("office.job.link.openNamed", { job: job.description })} title={t("office.job.link.open")}>↗</a>
      {removable && (
        <button type="button" class="unassign" aria-label={t("dispatch.stop.unassign", { job: job.description })} onClick={() => void store.unassign(job)}>×</button>
      )}
    </li>
  );
}
