import { calendarDay, When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { JobRoute } from "./types";

/** Where the job sits in its technician's day: the stop's number, the planned arrival and the live ETA; the board one link away. */
export function JobRouteCard({ route, zone }: { route: JobRoute | null; zone: string }) {
  const late = route ? Math.round(route.minutesLate) : 0;
  return (
    <section class="card job-route" aria-labelledby="route-title">
      <h2 id="route-title">{t("office.job.route")}</h2>
      {!route ? <p class="muted">{t("office.job.noRoute")}</p> : (
        <>
          <p>{t("office.job.routeStop", { position: route.position, stops: route.stops, name: route.technicianName || route.technicianId, day: calendarDay(route.day) })}</p>
          <dl class="facts">
            <dt>{t("office.job.plannedArrival")}</dt>
            <dd><When at={route.plannedArrival} zone={zone} /></dd>
            <dt>{t("office.job.eta")}</dt>
            <dd>{route.eta ? <When at={route.eta} zone={zone} /> : t("office.job.noEta")}{late > 0 && <span class="late"> · {t("office.job.late", { minutes: late })}</span>}</dd>
          </dl>
        </>
      )}
      <p><a href="/dispatch/">{t("office.job.openBoard")}</a></p>
    </section>
  );
}
