import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { Settings } from "./feedbackTypes";

const npsPeriods = [0, 30, 60, 90, 180, 365];

/** Which scores open a case, and how often the NPS question goes to customers with a recent visit. */
export function FeedbackSettingsPanel() {
  const settings = useSignal<Settings | null>(null);
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  useEffect(() => void api.GET("/api/v1/support/feedback/settings").then(({ data }) => (settings.value = data ?? null)), []);

  async function save(event: Event) {
    event.preventDefault();
    if (!settings.value) return;
    const answer = await outcome(api.PUT("/api/v1/support/feedback/settings", { body: settings.value }));
    message.value = answer.ok ? { ok: true, text: t("feedback.saved") } : { ok: false, text: answer.problem };
    if (answer.ok) settings.value = answer.data;
  }

  const s = settings.value;
  const set = (change: Partial<Settings>) => (settings.value = { ...settings.value!, ...change });
  const periods = s && !npsPeriods.includes(s.npsEveryDays) ? [...npsPeriods, s.npsEveryDays].sort((a, b) => a - b) : npsPeriods;
  return (
    <details class="card feedback-settings">
      <summary>{t("feedback.settings")}</summary>
      {!s ? <p class="muted">{t("common.loading")}</p> : (
        <form onSubmit={save}>
          <label>{t("feedback.csatThreshold")}
            <select value={s.csatCaseAtOrBelow} onChange={e => set({ csatCaseAtOrBelow: Number(e.currentTarget.value) })}>
              <option value={0}>{t("feedback.never")}</option>
              {[1, 2, 3, 4].map(n => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label>{t("feedback.npsThreshold")}
            <select value={s.npsCaseAtOrBelow} onChange={e => set({ npsCaseAtOrBelow: Number(e.currentTarget.value) })}>
              <option value={-1}>{t("feedback.never")}</option>
              {[0, 1, 2, 3, 4, 5, 6, 7, 8].map(n => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label>{t("feedback.npsEvery")}
            <select value={s.npsEveryDays} onChange={e => set({ npsEveryDays: Number(e.currentTarget.value) })}>
              {periods.map(d => <option key={d} value={d}>{d === 0 ? t("feedback.never") : t("feedback.everyDays", { days: d })}</option>)}
            </select>
          </label>
          <div class="actions"><button type="submit" class="primary">{t("feedback.save")}</button></div>
          {message.value && <p class={message.value.ok ? "notice" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
        </form>
      )}
    </details>
  );
}
