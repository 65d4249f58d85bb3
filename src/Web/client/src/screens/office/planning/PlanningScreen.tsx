import { signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, problemText } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { companyZone } from "../../../components/office/companyZone";
import { calendarDay, dayIn } from "../../../components/time";
import { language, t } from "../../../i18n/i18n";
import { signedIn } from "../customers/session";
import { BulkAssign } from "./BulkAssign";
import { CapacityView } from "./CapacityView";
import { addDays, addMonths, daysBetween, monthName, monthSpan, weekStart } from "./days";
import { filtered, skillsOf } from "./filters";
import { Filters } from "./Filters";
import { HoursGrid } from "./HoursGrid";
import { MonthView } from "./MonthView";
import { href, query, update, type View } from "./query";
import type { Calendar } from "./types";
import { WeekView } from "./WeekView";
import "./planning.css";

/** Below this width the week is a list of days (a phone); the grids scroll inside their own box only above it. */
const phone = matchMedia("(max-width: 760px)");
const narrow = signal(phone.matches);
phone.addEventListener("change", e => (narrow.value = e.matches));

const views: View[] = ["week", "month", "capacity", "assign"];

/** The office's planning: the team's (or one technician's) week and month, capacity, and assigning jobs in bulk. */
export function PlanningScreen() {
  const zoneKnown = useSignal(false);
  const calendar = useSignal<Calendar | null>(null);
  const error = useSignal("");
  const reloads = useSignal(0);

  useEffect(() => {
    document.title = t("planning.pageTitle");
    // "Today" and every time shown are the company's: wait for its zone before choosing the days to ask for.
    void api.GET("/api/v1/company").then(async ({ data, response }) => {
      if (!(await signedIn(response))) return;
      if (data?.timeZone) companyZone.value = data.timeZone;
      zoneKnown.value = true;
    });
  }, []);

  const q = query.value;
  const today = dayIn(new Date(), companyZone.value);
  const anchor = q.day || today;
  const month = monthSpan(anchor);
  const span = q.view === "month" ? month : { from: weekStart(anchor), to: addDays(weekStart(anchor), 6) };

  useEffect(() => {
    if (!zoneKnown.value) return;
    let current = true;
    void api.GET("/api/v1/dispatch/calendar", { params: { query: { from: span.from, to: span.to } } }).then(async ({ data, error: problem, response }) => {
      if (!current || !(await signedIn(response))) return;
      if (data) { calendar.value = data; error.value = ""; }
      else error.value = t("planning.loadFailed", { reason: problemText(problem, response.status) });
    });
    return () => { current = false; };
  }, [zoneKnown.value, span.from, span.to, reloads.value]);

  // Arrows move by what the view shows: a week, a month, or the bulk tray's day.
  const step = (direction: 1 | -1) => {
    const next = q.view === "month" ? addMonths(anchor, direction) : addDays(anchor, q.view === "assign" ? direction : 7 * direction);
    update({ day: next });
  };
  const unit = q.view === "month" ? "Month" : q.view === "assign" ? "Day" : "Week";
  const heading = q.view === "month" ? monthName(month.month + "-01", language.value)
    : q.view === "assign" ? calendarDay(anchor)
    : t("planning.span", { from: calendarDay(span.from), to: calendarDay(span.to) });

  const loaded = calendar.value && calendar.value.from === span.from && calendar.value.to === span.to ? calendar.value : null;
  const shown = loaded ? filtered(loaded, q) : null;
  const days = daysBetween(span.from, span.to);
  return (
    <>
      <OfficeHeader current="planning" />
      <main class="planning">
        <h2>{t("planning.title")}</h2>
        <nav class="view-tabs" aria-label={t("planning.views")}>
          {views.map(v => (
            <a key={v} href={href({ ...q, view: v })} aria-current={v === q.view ? "page" : undefined}
              onClick={e => { e.preventDefault(); update({ view: v }); }}>{t(`planning.view.${v}`)}</a>
          ))}
        </nav>
        <div class="span-nav">
          <button type="button" onClick={() => step(-1)} aria-label={t(`planning.previous${unit}`)}>‹ {t("planning.previous")}</button>
          <button type="button" onClick={() => update({ day: "" })} disabled={anchor === today}>{t("planning.today")}</button>
          <button type="button" onClick={() => step(1)} aria-label={t(`planning.next${unit}`)}>{t("planning.next")} ›</button>
          <h3 class="span-title" aria-live="polite">{heading}</h3>
        </div>
        <Filters query={q} technicians={loaded?.technicians ?? []} skills={loaded ? skillsOf(loaded) : []} />
        <p class="error" role="alert">{error.value}</p>
        {!shown ? (!error.value && <p class="muted">{t("planning.loading")}</p>)
          : q.view === "week" && q.technician && !narrow.value && shown.technicians[0] ? <HoursGrid technician={shown.technicians[0]} />
          : q.view === "week" ? <WeekView days={days} technicians={shown.technicians} unassigned={shown.unassigned} narrow={narrow.value} />
          : q.view === "month" ? <MonthView days={days} month={month.month} monthName={heading} today={today} technicians={shown.technicians} unassigned={shown.unassigned}
              onOpenDay={day => update({ view: "week", day })} />
          : q.view === "capacity" ? <CapacityView days={days} technicians={shown.technicians} />
          : <BulkAssign day={anchor} query={q} onChanged={() => (reloads.value += 1)} />}
      </main>
    </>
  );
}
