import type { ReadonlySignal } from "@preact/signals";
import { api } from "../../api/client";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/en";
import type { ConnectionState } from "./live";

const connectionKeys: Record<ConnectionState, MessageKey> = {
  connecting: "dispatch.connection.connecting",
  live: "dispatch.connection.live",
  reconnecting: "dispatch.connection.reconnecting",
  offline: "dispatch.connection.offline",
};

interface Props {
  company: ReadonlySignal<string>;
  connection: ReadonlySignal<ConnectionState>;
}

export function DispatchHeader({ company, connection }: Props) {
  async function signOut() {
    await api.POST("/api/v1/auth/logout");
    location.href = "/login/";
  }
  const state = connection.value;
  return (
    <header class="bar dispatch-bar">
      <h1>{t("dispatch.title")}</h1>
      <span class="muted company">{company.value}</span>
      <span class="spacer" />
      <span class={`badge connection ${state}`} title={t("dispatch.connection.title")}>{t(connectionKeys[state])}</span>
      <LanguagePicker />
      <button type="button" onClick={() => void signOut()}>{t("dispatch.signOut")}</button>
    </header>
  );
}
