import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";

type Preferences = components["schemas"]["PreferencesDto"];
type Channel = "email" | "sms";
type Category = "appointments" | "onMyWay" | "marketing";

const channels: Channel[] = ["email", "sms"];
const categories: { name: Category; label: MessageKey; email: MessageKey; sms: MessageKey }[] = [
  { name: "appointments", label: "portal.prefs.appointments", email: "portal.prefs.appointmentsEmail", sms: "portal.prefs.appointmentsSms" },
  { name: "onMyWay", label: "portal.prefs.onMyWay", email: "portal.prefs.onMyWayEmail", sms: "portal.prefs.onMyWaySms" },
  { name: "marketing", label: "portal.prefs.marketing", email: "portal.prefs.marketingEmail", sms: "portal.prefs.marketingSms" },
];

/** Which messages the contact gets by email and SMS, and quiet hours; a save replaces them all. */
export function NotificationsSection() {
  const prefs = useSignal<Preferences | null>(null);
  const quiet = useSignal(false);
  const start = useSignal("22:00");
  const end = useSignal("07:00");
  const timeZone = useSignal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const language = useSignal<"" | "en" | "pt">("");
  const saved = useSignal(false);
  const error = useSignal("");

  function show(p: Preferences) {
    prefs.value = p;
    quiet.value = p.quietHours !== null;
    start.value = p.quietHours?.start ?? "22:00";
    end.value = p.quietHours?.end ?? "07:00";
    timeZone.value = p.quietHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    language.value = p.language === "en" || p.language === "pt" ? p.language : "";
  }
  useEffect(() => { void api.GET("/api/v1/portal/preferences").then(({ data }) => data && show(data)); }, []);

  function toggle(channel: Channel, category: Category, on: boolean) {
    const p = prefs.value!;
    prefs.value = { ...p, [channel]: { ...p[channel], [category]: on } };
  }

  async function submit(event: Event) {
    event.preventDefault();
    saved.value = false;
    error.value = "";
    const p = prefs.value!;
    const body = {
      email: p.email, sms: p.sms, quietHours: quiet.value ? { start: start.value, end: end.value, timeZone: timeZone.value.trim() } : null,
      language: language.value === "" ? null : language.value,
    };
    const answer = await outcome(api.PUT("/api/v1/portal/preferences", { body }));
    if (answer.ok) {
      show(answer.data);
      saved.value = true;
    } else if (answer.status === 400) {
      error.value = [
        ...(answer.fields["quietHours.start"] || answer.fields["quietHours.end"] ? [t("portal.prefs.badTime")] : []),
        ...(answer.fields["quietHours.timeZone"] ? [t("portal.prefs.badZone")] : []),
      ].join(" ") || answer.problem;
    } else {
      error.value = t("portal.prefs.failed", { status: answer.status });
    }
  }

  const p = prefs.value;
  return (
    <section class="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title" tabIndex={-1}>{t("portal.prefs.title")}</h2>
      {!p && <p class="muted">{t("common.loading")}</p>}
      {p && (
        <form aria-labelledby="prefs-title" onSubmit={submit}>
          <table class="prefs">
            <thead>
              <tr><th scope="col">{t("portal.prefs.about")}</th><th scope="col">{t("portal.prefs.email")}</th><th scope="col">{t("portal.prefs.sms")}</th></tr>
            </thead>
            <tbody>
              {categories.map(c => (
                <tr key={c.name}>
                  <th scope="row">{t(c.label)}</th>
                  {channels.map(channel => (
                    <td key={channel}>
                      <input type="checkbox" aria-label={t(c[channel])} checked={p[channel][c.name]} onChange={e => toggle(channel, c.name, e.currentTarget.checked)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <label for="prefs-language">{t("portal.prefs.language")}</label>
          <select id="prefs-language" value={language.value} onChange={e => (language.value = e.currentTarget.value as "" | "en" | "pt")}>
            <option value="">{t("portal.prefs.languageDefault")}</option>
            <option value="en">English</option>
            <option value="pt">Português</option>
          </select>
          <h3>{t("portal.prefs.quiet")}</h3>
          <label class="inline"><input type="checkbox" checked={quiet.value} onChange={e => (quiet.value = e.currentTarget.checked)} /> {t("portal.prefs.quietSwitch")}</label>
          {quiet.value && (
            <div class="quiet-fields">
              <div class="row">
                <div><label for="quiet-start">{t("portal.prefs.from")}</label><input id="quiet-start" type="time" value={start.value} onInput={e => (start.value = e.currentTarget.value)} /></div>
                <div><label for="quiet-end">{t("portal.prefs.until")}</label><input id="quiet-end" type="time" value={end.value} onInput={e => (end.value = e.currentTarget.value)} /></div>
              </div>
              <label for="quiet-zone">{t("portal.prefs.zone")}</label>
              <input id="quiet-zone" autocomplete="off" spellcheck={false} value={timeZone.value} onInput={e => (timeZone.value = e.currentTarget.value)} />
            </div>
          )}
          <button class="primary big" type="submit">{t("portal.prefs.save")}</button>
          {saved.value && <p class="ok" role="status">{t("portal.prefs.saved")}</p>}
          {error.value && <p class="error" role="alert">{error.value}</p>}
        </form>
      )}
    </section>
  );
}
