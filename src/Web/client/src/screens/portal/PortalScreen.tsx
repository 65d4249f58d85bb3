import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { t } from "../../i18n/i18n";
import { PortalHome } from "./PortalHome";
import { SignInForm } from "./SignInForm";
import { me } from "./session";
import "./portal.css";

/** The customer portal: the sign-in form while signed out, the contact's sections once signed in (the cookie decides). */
export function PortalScreen() {
  const signedOut = useSignal(false);
  useEffect(() => {
    void api.GET("/api/v1/portal/me").then(({ data }) => {
      if (data) me.value = data;
      else signedOut.value = true;
    });
  }, []);

  if (me.value) return <PortalHome />;
  if (signedOut.value) return <SignInForm />;
  return <p class="muted portal-loading" role="status">{t("common.loading")}</p>;
}
