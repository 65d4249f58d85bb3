import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { weekdays, type DayOfWeek, type Technician } from "./types";

type DayRow = { day: DayOfWeek; works: boolean; start: string; end: string };
type CertRow = { name: string; expiresOn: string };

/**
 * When the technician works: hours per weekday (an end before the start runs past midnight), days off, certifications
 * with their expiry, and the buffer between jobs. Saved as a whole, as the API takes it.
 */
export function ScheduleForm({ technician, onSaved }: { technician: Technician; onSaved: (t: Technician) => void }) {
  const schedule = technician.schedule;
  const zone = useSignal(schedule.timeZone);
  const days = useSignal<DayRow[]>(weekdays.map(day => {
    const hours = schedule.workingHours.find(h => h.day === day);
    return { day, works: !!hours, start: hours?.start.slice(0, 5) ?? "08:00", end: hours?.end.slice(0, 5) ?? "17:00" };
  }));
  const blackout = useSignal(schedule.blackoutDates.join(", "));
  const certs = useSignal<CertRow[]>(technician.certifications.map(c => ({ name: c.name, expiresOn: c.expiresOn ?? "" })));
  const buffer = useSignal(String(minutes(schedule.bufferBetweenJobs)));
  const error = useSignal("");
  const saved = useSignal("");

  const setDay = (i: number, change: Partial<DayRow>) => (days.value = days.value.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const setCert = (i: number, change: Partial<CertRow>) => (certs.value = certs.value.map((c, j) => (j === i ? { ...c, ...change } : c)));

  async function submit(event: Event) {
    event.preventDefault();
    error.value = saved.value = "";
    const body = {
      ...schedule,
      timeZone: zone.value.trim(),
      workingHours: days.value.filter(d => d.works).map(d => ({ day: d.day, start: d.start, end: d.end })),
      blackoutDates: blackout.value.split(",").map(s => s.trim()).filter(Boolean),
      bufferBetweenJobs: timeSpan(Number(buffer.value) || 0),
      certifications: certs.value.filter(c => c.name.trim()).map(c => ({ name: c.name.trim(), expiresOn: c.expiresOn || null })),
    };
    const { data, error: problem, response } = await api.PUT("/api/v1/technicians/{id}/schedule", { params: { path: { id: technician.id } }, body });
    if (data) { saved.value = t("common.saved"); onSaved(data); }
    else error.value = problemText(problem, response.status);
  }

  return (
    <form onSubmit={submit}>
      <div class="field-row">
        <div><label for="sched-zone">{t("office.schedule.timeZone")}</label>
          <input id="sched-zone" value={zone.value} onInput={e => (zone.value = e.currentTarget.value)} /></div>
        <div><label for="sched-buffer">{t("office.schedule.buffer")}</label>
          <input id="sched-buffer" type="number" min={0} max={240} value={buffer.value} onInput={e => (buffer.value = e.currentTarget.value)} /></div>
      </div>
      <table class="hours">
        <caption>{t("office.schedule.hours")}</caption>
        <thead><tr><th scope="col">{t("office.schedule.day")}</th><th scope="col">{t("office.schedule.from")}</th><th scope="col">{t("office.schedule.to")}</th></tr></thead>
        <tbody>
          {days.value.map((d, i) => (
            <tr key={d.day}>
              <th scope="row"><label class="check"><input type="checkbox" checked={d.works} onChange={e => setDay(i, { works: e.currentTarget.checked })} /> {t(`office.day.${d.day}`)}</label></th>
              <td><input type="time" aria-label={t("office.schedule.startOf", { day: t(`office.day.${d.day}`) })} disabled={!d.works} value={d.start} onInput={e => setDay(i, { start: e.currentTarget.value })} /></td>
              <td><input type="time" aria-label={t("office.schedule.endOf", { day: t(`office.day.${d.day}`) })} disabled={!d.works} value={d.end} onInput={e => setDay(i, { end: e.currentTarget.value })} />
                {d.works && d.end <= d.start && <span class="muted night"> {t("office.schedule.nextDay")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label for="sched-blackout">{t("office.schedule.blackout")}</label>
      <input id="sched-blackout" value={blackout.value} placeholder="2026-12-24, 2026-12-25" onInput={e => (blackout.value = e.currentTarget.value)} />
      <fieldset>
        <legend>{t("office.schedule.certifications")}</legend>
        {certs.value.map((c, i) => (
          <div class="field-row cert" key={i}>
            <div><label for={`cert-name-${i}`}>{t("office.schedule.certName")}</label>
              <input id={`cert-name-${i}`} value={c.name} onInput={e => setCert(i, { name: e.currentTarget.value })} /></div>
            <div><label for={`cert-exp-${i}`}>{t("office.schedule.certExpires")}</label>
              <input id={`cert-exp-${i}`} type="date" value={c.expiresOn} onInput={e => setCert(i, { expiresOn: e.currentTarget.value })} /></div>
            {technician.certifications[i]?.expired && <p class="error">{t("office.schedule.expired")}</p>}
          </div>
        ))}
        <button type="button" onClick={() => (certs.value = [...certs.value, { name: "", expiresOn: "" }])}>{t("office.schedule.addCert")}</button>
      </fieldset>
      <button class="primary" type="submit">{t("office.schedule.save")}</button>
      <p class="ok" role="status">{saved.value}</p>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}

// The API's TimeSpan is "hh:mm:ss" (or "d.hh:mm:ss").
function minutes(span: string): number {
  const [h = "0", m = "0"] = span.split(".").pop()!.split(":");
  return Number(h) * 60 + Number(m);
}

function timeSpan(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60), m = totalMinutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00`;
}
