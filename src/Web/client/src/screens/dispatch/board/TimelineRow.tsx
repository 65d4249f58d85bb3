import { t } from "../../../i18n/i18n";
import { clock, type BoardTechnician } from "../format";
import type { BoardStore } from "./boardStore";
import type { Filters } from "../filters/filters";
import type { Candidates } from "./candidates";
import type { BoardDrag } from "./drag";
import { rowVerdict } from "./rowVerdict";
import { percent, type Scale } from "./scale";
import { TimelineStop } from "./TimelineStop";

interface Props {
  technician: BoardTechnician;
  index: number;
  total: number;
  pitch: number;
  /** The route's colour; null without stops on the day. */
  colour: string | null;
  scale: Scale;
  laneWidth: number;
  store: BoardStore;
  drag: BoardDrag;
  candidates: Candidates;
  filters: Filters;
}

/** A technician's day on one compact line: name and route colour, then their lane with shift, now and stops. */
export function TimelineRow({ technician: tech, index, total, pitch, colour, scale, laneWidth, store, drag, candidates, filters }: Props) {
  const zone = store.zone.value;
  const selected = store.selected.value;
  const dropping = drag.state.value?.over === tech.id;
  const shift = tech.shiftStart && tech.shiftEnd ? { from: Date.parse(tech.shiftStart), to: Date.parse(tech.shiftEnd) } : null;
  const facts = tech.unavailable ?? [
    shift ? `${clock(shift.from, zone)}–${clock(shift.to, zone)}` : null,
    tech.qualifications.join(", ") || t("dispatch.row.noSkills"),
  ].filter(Boolean).join(" · ");
  const now = Date.now();
  // While a job is picked up: can this technician take it, and if not, why (in words, not only the dimming).
  const verdict = rowVerdict(tech, candidates, drag, scale, zone);
  const showsJob = filters.jobTest.value;

  return (
    <li class={`tech-row${tech.unavailable ? " unavailable" : ""}${verdict ? ` verdict-${verdict.kind}` : ""}`} aria-label={tech.name} aria-setsize={total} aria-posinset={index + 1}
      style={{ "--route": colour ?? "transparent", transform: `translateY(${index * pitch}px)` }}>
      <div class="row-head" title={`${tech.name}\n${facts}`}>
        <span class="swatch" aria-hidden="true" />
        <span class="name">{tech.name}</span>
        <span class="visually-hidden">{facts}</span>
        {verdict && <span class="visually-hidden" id={`verdict-${tech.id}`}>{verdict.long}</span>}
        {selected && selected.technicianId !== tech.id && (
          <button type="button" class="assign-here" aria-label={t("dispatch.row.assignHereLabel", { name: tech.name })}
            aria-describedby={verdict ? `verdict-${tech.id}` : undefined}
            onClick={() => void store.assign(tech, selected.ticketId, null)}>{t("dispatch.row.assignHere")}</button>
        )}
      </div>
      <div class={`lane${dropping ? " drop-target" : ""}`} role="group" aria-label={t("dispatch.row.lane", { name: tech.name })} data-lane={tech.id}>
        {shift && <div class="shift" style={{ insetInlineStart: `${percent(scale, shift.from)}%`, width: `${percent(scale, shift.to) - percent(scale, shift.from)}%` }} />}
        {now > scale.from && now < scale.to && <div class="now" title={t("dispatch.row.now")} style={{ insetInlineStart: `${percent(scale, now)}%` }} />}
        {tech.unavailable && !verdict && <span class="reason" aria-hidden="true">{tech.unavailable}</span>}
        {verdict && <span class={`verdict ${verdict.kind}`} aria-hidden="true" title={verdict.long}>{verdict.short}</span>}
        <ol class="stops" aria-label={t("dispatch.row.stops", { name: tech.name })}>
          {tech.stops.map((stop, i) => showsJob(stop.job) && (
            <TimelineStop key={stop.job.ticketId} stop={stop} number={i + 1} scale={scale} laneWidth={laneWidth} store={store} drag={drag} />
          ))}
        </ol>
      </div>
    </li>
  );
}
