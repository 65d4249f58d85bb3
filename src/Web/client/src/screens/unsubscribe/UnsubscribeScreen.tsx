// Behind a marketing message's unsubscribe link, for whoever holds it (no sign-in): which company and address it is
// about, and one button. Opening the page changes nothing (mail scanners open links); only the button does, and
// "Subscribe again" undoes it. Shown in the contact's language unless this browser chose one.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { LanguagePicker } from "../../components/LanguagePicker";
import { preferLanguage, t } from "../../i18n/i18n";
import "../portal/portal.css";
import "./unsubscribe.css";

type Link = components["schemas"]["UnsubscribeDto"];

export function UnsubscribeScreen({ token }: { token: string }) {
  const link = useSignal<Link | null>(null);
  const gone = useSignal(false);
  const busy = useSignal(false);
  const problem = useSignal("");
  const status = useSignal("");
  useEffect(() => { document.title = t("unsubscribe.pageTitle"); });

  useEffect(() => {
    void (async () => {
      const answer = await outcome(api.GET("/api/v1/unsubscribe/{token}", { params: { path: { token } } }));
      if (!answer.ok) return void (gone.value = true);
      preferLanguage(answer.data.language);
      link.value = answer.data;
    })();
  }, [token]);

  async function change(subscribe: boolean) {
    busy.value = true;
    problem.value = "";
    const path = { params: { path: { token } } };
    const answer = await outcome(subscribe ? api.POST("/api/v1/unsubscribe/{token}/subscribe", path) : api.POST("/api/v1/unsubscribe/{token}", path));
    busy.value = false;
    if (!answer.ok) return void (problem.value = answer.status === 404 ? t("unsubscribe.gone") : t("unsubscribe.failed"));
    link.value = answer.data;
    status.value = subscribe ? t("unsubscribe.subscribedAgain") : "";
  }

  const l = link.value;
  const what = l?.channel === "Sms" ? t("unsubscribe.texts") : t("unsubscribe.emails");
  const params = { company: l?.companyName ?? "", address: l?.address ?? "", what };
  return (
    <>
      <header class="bar unsubscribe-bar">
        <h1>{l?.companyName || t("unsubscribe.pageTitle")}</h1>
        <LanguagePicker />
      </header>
      <main class="portal unsubscribe">
        {gone.value && <p class="error" role="alert">{t("unsubscribe.gone")}</p>}
        {!l && !gone.value && <p class="portal-loading">{t("unsubscribe.loading")}</p>}
        {l && (
          <section class="card" aria-labelledby="unsubscribe-title">
            {l.subscribed ? (
              <>
                <h2 id="unsubscribe-title">{t("unsubscribe.question", params)}</h2>
                <p>{t("unsubscribe.explain", params)}</p>
                <p class="muted">{t("unsubscribe.serviceStays")}</p>
                <button type="button" class="primary" disabled={busy.value} onClick={() => void change(false)}>{t("unsubscribe.unsubscribe")}</button>
              </>
            ) : (
              <>
                <h2 id="unsubscribe-title">{t("unsubscribe.done")}</h2>
                <p>{t("unsubscribe.doneExplain", params)}</p>
                <p class="muted">{t("unsubscribe.serviceStays")}</p>
                <button type="button" disabled={busy.value} onClick={() => void change(true)}>{t("unsubscribe.subscribe")}</button>
              </>
            )}
            <p role="status" class="ok">{status.value}</p>
            {problem.value && <p class="error" role="alert">{problem.value}</p>}
          </section>
        )}
      </main>
    </>
  );
}
