import { api } from "../../api/client";
import { t } from "../../i18n/i18n";

async function signOut() {
  await api.DELETE("/api/v1/portal/session");
  location.assign("/portal/");
}

/** Ends the session on the server (every copy of the cookie stops working) and goes back to the sign-in form. */
export function SignOutButton() {
  return <button type="button" onClick={signOut}>{t("portal.signOut")}</button>;
}
