import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import { caseLabel } from "../../../components/support/CaseThread";
import { weekdays, type DayOfWeek } from "../technicians/types";

type Settings = components["schemas"]["SlaSettingsDto"];
type Compliance = components["schemas"]["SlaComplianceDto"];
type TargetCompliance = components["schemas"]["SlaTargetComplianceDto"];
type DayRow = { day: DayOfWeek; open: boolean; opens: string; closes: string };
type TargetRow = { priority: string; firstResponse: string; resolution: string };

const priorities = ["Urgent", "High", "Normal", "Low"] as const;

// Targets are kept in business minutes; the panel edits them in hours (a quarter hour at least), blank for none.
const hours = (minutes: number | null | undefined) => (minutes == null ? "" : String(Math.round((minutes / 60) * 100) / 100));
const minutes = (hours: string) => (hours.trim() === "" ? null : Math.round(Number(hours) * 60));

/** "First response 80% met (8 of 10)", or "no case decided yet" while none met or missed it. */
function share(label: string, c: TargetCompliance): string {
  return c.share == null
    ? t("officeSupport.sla.noneDecided", { label })
    : t("officeSupport.sla.share", { label, percent: Math.round(c.share * 100), met: c.met, of: c.met + c.breached });
}

/**
 * The company's SLA, folded under the queue: opening hours per weekday (in the company's time zone), holidays, and
 * the first-response and resolution targets per priority, with how the last 30 days' cases kept them. Saved as a
 * whole; open cases' timers follow.
 */
export function SlaSettings({ onSaved }: { onSaved: () => void }) {
  const loaded = useSignal<Settings | null>(null);
  const days = useSignal<DayRow[]>([]);
  const holidays = useSignal("");
  const targets = useSignal<TargetRow[]>([]);
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);
  const compliance = useSignal<Compliance | null>(null);
  const loadCompliance = () => void api.GET("/api/v1/support/sla/compliance").then(({ data }) => (compliance.value = data ?? null));

  const show = (s: Settings) => {
    loaded.value = s;
    days.value = weekdays.map(day => {
      const h = s.week.find(w => w.day === day);
      return { day, open: !!h, opens: h?.opens ?? "09:00", closes: h?.closes === "24:00" ? "00:00" : h?.closes ?? "18:00" };
    });
    holidays.value = s.holidays.join(", ");
    targets.value = priorities.map(priority => {
      const target = s.targets.find(x => x.priority === priority);
      return { priority, firstResponse: hours(target?.firstResponseMinutes), resolution: hours(target?.resolutionMinutes) };
    });
  };
  useEffect(() => {
    void api.GET("/api/v1/support/sla").then(({ data }) => data && show(data));
    loadCompliance();
  }, []);

  const setDay = (i: number, change: Partial<DayRow>) => (days.value = days.value.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const setTarget = (i: number, change: Partial<TargetRow>) => (targets.value = targets.value.map((x, j) => (j === i ? { ...x, ...change } : x)));

  async function save(event: Event) {
    event.preventDefault();
    message.value = null;
    const dates = holidays.value.split(/[,\s]+/).filter(Boolean);
    if (dates.some(d => !/^\d{4}-\d{2}-\d{2}$/.test(d))) { message.value = { ok: false, text: t("officeSupport.sla.badHolidays") }; return; }
    busy.value = true;
    const answer = await outcome(api.PUT("/api/v1/support/sla", {
      body: {
        // A closing time of 00:00 is the end of the day: a time field cannot say 24:00.
        week: days.value.filter(d => d.open).map(d => ({ day: d.day, opens: d.opens, closes: d.closes === "00:00" ? "24:00" : d.closes })),
        holidays: dates,
        targets: targets.value.map(x => ({ priority: x.priority, firstResponseMinutes: minutes(x.firstResponse), resolutionMinutes: minutes(x.resolution) })),
      },
    }));
    busy.value = false;
    if (!answer.ok) { message.value = { ok: false, text: answer.problem }; return; }
    show(answer.data);
    message.value = { ok: true, text: t("officeSupport.saved") };
    loadCompliance();
    onSaved();
  }

  const s = loaded.value;
  return (
    <details class="sla-settings">
      <summary>{t("officeSupport.sla.settings")}</summary>
      {!s ? <p class="muted">{t("common.loading")}</p> : (
        <form class="case-form" onSubmit={save}>
          <p class="muted">{t("officeSupport.sla.intro", { zone: s.timeZone, percent: s.atRiskPercent })}</p>
          {compliance.value && (
            <p class="sla-compliance">
              {t("officeSupport.sla.compliance", { cases: compliance.value.cases })}{" "}
              {share(t("officeSupport.sla.firstResponse"), compliance.value.firstResponse)} · {share(t("officeSupport.sla.resolution"), compliance.value.resolution)}
            </p>
          )}
          <fieldset class="sla-week">
            <legend>{t("officeSupport.sla.hours")}</legend>
            {days.value.map((d, i) => (
              <div class="sla-day" key={d.day}>
                <label class="check"><input type="checkbox" checked={d.open} onChange={e => setDay(i, { open: e.currentTarget.checked })} /> {t(`office.day.${d.day}` as MessageKey)}</label>
                <input type="time" aria-label={t("officeSupport.sla.opensOn", { day: t(`office.day.${d.day}` as MessageKey) })} disabled={!d.open} value={d.opens}
                  onInput={e => setDay(i, { opens: e.currentTarget.value })} />
                <input type="time" aria-label={t("officeSupport.sla.closesOn", { day: t(`office.day.${d.day}` as MessageKey) })} disabled={!d.open} value={d.closes}
                  onInput={e => setDay(i, { closes: e.currentTarget.value })} />
              </div>
            ))}
          </fieldset>
          <label>{t("officeSupport.sla.holidays")}
            <input value={holidays.value} placeholder="2026-12-25, 2027-01-01" maxLength={4000} onInput={e => (holidays.value = e.currentTarget.value)} />
          </label>
          <fieldset class="sla-targets">
            <legend>{t("officeSupport.sla.targets")}</legend>
            <div class="sla-target sla-target-head" aria-hidden="true">
              <span /><span>{t("officeSupport.sla.firstResponse")}</span><span>{t("officeSupport.sla.resolution")}</span>
            </div>
            {targets.value.map((x, i) => (
              <div class="sla-target" key={x.priority}>
                <span>{caseLabel("priority", x.priority)}</span>
                <input type="number" min={0.25} step={0.25} inputMode="decimal" value={x.firstResponse}
                  aria-label={t("officeSupport.sla.firstResponseOf", { priority: caseLabel("priority", x.priority) })}
                  onInput={e => setTarget(i, { firstResponse: e.currentTarget.value })} />
                <input type="number" min={0.25} step={0.25} inputMode="decimal" value={x.resolution}
                  aria-label={t("officeSupport.sla.resolutionOf", { priority: caseLabel("priority", x.priority) })}
                  onInput={e => setTarget(i, { resolution: e.currentTarget.value })} />
              </div>
            ))}
            <p class="muted">{t("officeSupport.sla.inHours")}</p>
          </fieldset>
          <div class="actions"><button type="submit" class="primary" disabled={busy.value}>{t("officeSupport.sla.save")}</button></div>
          {message.value && <p class={message.value.ok ? "notice" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
        </form>
      )}
    </details>
  );
}
