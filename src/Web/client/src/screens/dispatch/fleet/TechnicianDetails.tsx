import type { ReadonlySignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { whenShort } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { DriveTimes } from "./DriveTimes";
import type { Fleet } from "./fleet";
import type { Selection } from "./selection";
import { conditionOf, now, statusLabel } from "./status";

interface Props {
  fleet: Fleet;
  selection: Selection;
  zone: ReadonlySignal<string>;
  /** The board's day, whose drives are shown; null for today. */
  day: ReadonlySignal<string | null>;
}

/**
 * The open technician: status, when they were last heard of, speed, the last hour's track and the day's drives, planned against actual. It sits above the list
 * (not below it, where a long list pushed it out of sight; on a narrow screen above the map) and scrolls itself into view
 * when a technician is opened.
 */
export function TechnicianDetails({ fleet, selection, zone, day }: Props) {
  const panel = useRef<HTMLElement>(null);
  const id = selection.technicianId.value;
  useEffect(() => {
    // Its top at the top: on a narrow screen the map follows it, and shows where the technician is.
    if (id) panel.current?.scrollIntoView({ block: "start" });
  }, [id]);
  // The roster is read so that a technician opened before the fleet knows them (an alert read with the board can come
  // before the hub's first snapshot is applied) shows once they join.
  const technician = id && fleet.roster.value.includes(id) ? fleet.technician(id)?.value : undefined;
  if (!technician) return null;

  const position = technician.position;
  // Read for the 10-second tick (so "12 s ago" moves on), measured against the time of this render.
  const at = Math.max(now.value, Date.now());
  const condition = conditionOf(technician, at);
  const track = selection.track.value;
  return (
    <section class="details" ref={panel} aria-labelledby="details-heading">
      <div class="details-head">
        <h2 id="details-heading">{technician.name}</h2>
        <button type="button" class="close" aria-label={t("dispatch.details.close", { name: technician.name })} onClick={() => selection.close()}>×</button>
      </div>
      <dl>
        <dt>{t("dispatch.details.status")}</dt>
        <dd>{statusLabel(technician.status)}</dd>
        <dt>{t("dispatch.details.lastUpdate")}</dt>
        <dd>{position ? `${ago(position.receivedAt, at, zone.value)}${condition === "NoSignal" ? ` (${t("dispatch.status.noSignal")})` : ""}` : t("dispatch.details.never")}</dd>
        <dt>{t("dispatch.details.speed")}</dt>
        <dd>{position?.speedKmh != null ? t("dispatch.details.kmh", { speed: position.speedKmh.toFixed(0) }) : "—"}</dd>
        <dt>{t("dispatch.details.track")}</dt>
        <dd>{track?.technicianId === technician.id ? t(track.points.length === 1 ? "dispatch.details.fixes.one" : "dispatch.details.fixes.other", { count: track.points.length }) : t("common.loading")}</dd>
      </dl>
      <DriveTimes technicianId={technician.id} day={day.value} zone={zone.value} status={technician.status} />
    </section>
  );
}

function ago(time: string, at: number, zone: string): string {
  const seconds = Math.max(0, Math.round((at - Date.parse(time)) / 1000));
  if (seconds < 60) return t("dispatch.details.secondsAgo", { seconds });
  if (seconds < 3600) return t("dispatch.details.minutesAgo", { minutes: Math.round(seconds / 60) });
  return whenShort(new Date(time), zone);
}
