import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";

/** Asks for a sign-in link by email; the answer is the same whether or not the address is known. */
export function SignInForm() {
  const email = useSignal("");
  const error = useSignal("");
  const sent = useSignal(false);
  const busy = useSignal(false);
  useEffect(() => { document.title = t("portal.signIn.pageTitle"); });

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    busy.value = true;
    const { response } = await api.POST("/api/v1/portal/magic-links", { body: { email: email.value } });
    busy.value = false;
    if (response.status === 202) sent.value = true;
    else error.value = response.status === 429 ? t("portal.signIn.throttled") : t("portal.signIn.invalid");
  }

  return (
    <main class="portal-narrow">
      <section class="card">
        <div class="portal-card-head">
          <h1>{t("portal.signIn.title")}</h1>
          <LanguagePicker />
        </div>
        {sent.value ? (
          <p role="status"><strong>{t("portal.signIn.sentTitle")}</strong> {t("portal.signIn.sent")}</p>
        ) : (
          <form onSubmit={submit}>
            <label for="email">{t("portal.signIn.email")}</label>
            <input id="email" name="email" type="email" autocomplete="email" required autofocus
              value={email.value} onInput={e => (email.value = e.currentTarget.value)} />
            <button class="primary big" type="submit" disabled={busy.value}>{t("portal.signIn.submit")}</button>
            {error.value && <p class="error" role="alert">{error.value}</p>}
          </form>
        )}
      </section>
    </main>
  );
}
