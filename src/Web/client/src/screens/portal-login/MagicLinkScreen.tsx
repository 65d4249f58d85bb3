import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";
import "../portal/portal.css";

/**
 * The landing page of a sign-in link. Opening the link burns nothing: mail scanners fetch links (and some run their
 * scripts) before the person does, so the token is posted only when the person presses the button.
 */
export function MagicLinkScreen({ token }: { token: string | null }) {
  const error = useSignal(token ? "" : t("portal.link.missing"));
  const spent = useSignal(!token);
  const busy = useSignal(false);
  useEffect(() => { document.title = t("portal.signIn.pageTitle"); });

  async function signIn() {
    busy.value = true;
    error.value = "";
    const { response } = await api.POST("/api/v1/portal/session", { body: { token: token! } });
    if (response.ok) {
      location.assign("/portal/");
      return;
    }
    busy.value = false;
    if (response.status === 429) {
      error.value = t("portal.link.throttled");
    } else {
      spent.value = true;
      error.value = t("portal.link.used");
    }
  }

  return (
    <main class="portal-narrow">
      <section class="card">
        <div class="portal-card-head">
          <h1>{t("portal.title")}</h1>
          <LanguagePicker />
        </div>
        {!spent.value && (
          <>
            <p>{t("portal.link.intro")}</p>
            <button class="primary big" type="button" disabled={busy.value} onClick={signIn}>{t("portal.link.signIn")}</button>
          </>
        )}
        {error.value && <p class="error" role="alert">{error.value}</p>}
        {spent.value && <p><a href="/portal/">{t("portal.link.again")}</a></p>}
      </section>
    </main>
  );
}
