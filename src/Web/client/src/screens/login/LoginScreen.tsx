import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";
import "./login.css";

/** Signs a dispatcher in (the server sets an HttpOnly cookie) and goes back to where they were headed. */
export function LoginScreen() {
  const email = useSignal("");
  const password = useSignal("");
  const error = useSignal("");
  const busy = useSignal(false);
  useEffect(() => { document.title = t("login.pageTitle"); });

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    busy.value = true;
    const { response } = await api.POST("/api/v1/auth/login", { body: { email: email.value, password: password.value } });
    busy.value = false;
    if (response.ok) location.href = returnTarget();
    else error.value = response.status === 429 ? t("login.throttled") : response.status === 401 || response.status === 400 ? t("login.wrong") : t("login.failed", { status: response.status });
  }

  return (
    <main class="card login">
      <div class="login-head">
        <h1>{t("login.title")}</h1>
        <LanguagePicker />
      </div>
      <form onSubmit={submit}>
        <label for="email">{t("login.email")}</label>
        <input id="email" name="email" type="email" autocomplete="username" required autofocus
          value={email.value} onInput={e => (email.value = e.currentTarget.value)} />
        <label for="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required
          value={password.value} onInput={e => (password.value = e.currentTarget.value)} />
        <button class="primary" type="submit" disabled={busy.value}>{t("login.submit")}</button>
        <p class="error" role="alert">{error.value}</p>
      </form>
    </main>
  );
}

// Only same-site paths: never bounce a signed-in user to another site.
function returnTarget(): string {
  const target = new URLSearchParams(location.search).get("returnUrl");
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/dispatch/";
}
