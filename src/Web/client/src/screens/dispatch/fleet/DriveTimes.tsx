import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { calendarDay, timeOfDay } from "../../../components/time";
import { t } from "../../../i18n/i18n";

type DriveTimesDto = components["schemas"]["DriveTimes"];

interface Props {
  technicianId: string;
  /** The board's day (yyyy-MM-dd); null for the company's today. */
  day: string | null;
  zone: string;
  /** Changes when the technician's status does: a drive that just ended (on site) is read then. */
  status: string;
}

/**
 * Planned against actual drive times of the technician's day, as paired bars per drive on one scale (the longest bar
 * fills the width), with totals: where the plan's travel times run short shows at a glance.
 */
export function DriveTimes({ technicianId, day, zone, status }: Props) {
  const drives = useSignal<DriveTimesDto | null>(null);
  useEffect(() => {
    // A stale answer is dropped rather than the request aborted: the answer is small, and a live technician's status
    // can change several times a minute, each change asking again.
    let current = true;
    void api.GET("/api/v1/dispatch/technicians/{technicianId}/drive-times", {
      params: { path: { technicianId }, query: day ? { day } : {} },
    }).then(({ data }) => { if (current && data) drives.value = data; }, () => undefined);
    return () => { current = false; };
  }, [technicianId, day, status]);
  // Another technician or day: nothing of the last one's drives may show meanwhile.
  useEffect(() => { drives.value = null; }, [technicianId, day]);

  const shown = drives.value;
  return (
    <section class="drives" aria-labelledby="drives-heading">
      <h3 id="drives-heading">{t("dispatch.drives.heading")}</h3>
      {!shown ? <p class="muted">{t("dispatch.drives.loading")}</p>
        : shown.legs.length === 0 ? <p class="muted">{t("dispatch.drives.none", { day: calendarDay(shown.day) })}</p>
        : <DriveBars drives={shown} zone={zone} />}
    </section>
  );
}

function DriveBars({ drives, zone }: { drives: DriveTimesDto; zone: string }) {
  const scale = Math.max(1, ...drives.legs.flatMap(l => [l.plannedSeconds ?? 0, l.actualSeconds]));
  return (
    <>
      <div class="drive-key" aria-hidden="true">
        <span><span class="drive-swatch planned" />{t("dispatch.drives.planned")}</span>
        <span><span class="drive-swatch actual" />{t("dispatch.drives.actual")}</span>
      </div>
      <ol class="drive-legs">
        {drives.legs.map((leg, i) => {
          const name = t("dispatch.drives.leg", { number: i + 1, job: leg.description });
          return (
            <li key={`${leg.ticketId}-${leg.setOffAt}`}>
              <div class="drive-name">{name}</div>
              <div class="muted drive-when">
                {t("dispatch.drives.setOff", { time: timeOfDay(new Date(leg.setOffAt), zone) })}
                {leg.fromDayStart && ` · ${t("dispatch.drives.fromStart")}`}
              </div>
              <Bar leg={name} which="planned" seconds={leg.plannedSeconds} scale={scale} />
              <Bar leg={name} which="actual" seconds={leg.actualSeconds} scale={scale} />
            </li>
          );
        })}
      </ol>
      <dl class="drive-total">
        <dt>{t("dispatch.drives.total")}</dt>
        <dd>{t("dispatch.drives.planned")} {duration(drives.plannedSeconds)} · {t("dispatch.drives.actual")} {duration(drives.actualSeconds)}</dd>
      </dl>
      <p class="muted drive-source">{t(drives.learned ? "dispatch.drives.learned" : "dispatch.drives.freeFlow")}</p>
    </>
  );
}

function Bar({ leg, which, seconds, scale }: { leg: string; which: "planned" | "actual"; seconds: number | null; scale: number }) {
  const label = which === "planned" ? t("dispatch.drives.planned") : t("dispatch.drives.actual");
  const value = seconds === null ? t("dispatch.drives.unknown") : duration(seconds);
  return (
    <div class={`drive-bar ${which}`}>
      <div class="bar-track" role="img" aria-label={t("dispatch.drives.barLabel", { leg, which: label.toLowerCase(), value })}>
        <div class="bar-fill" style={{ width: `${((seconds ?? 0) / scale) * 100}%` }} />
      </div>
      <span class="bar-value">{value}</span>
    </div>
  );
}

function duration(seconds: number): string {
  return seconds < 60 ? t("dispatch.drives.seconds", { seconds: Math.round(seconds) }) : t("dispatch.drives.minutes", { minutes: Math.round(seconds / 60) });
}
