import type { ReadonlySignal } from "@preact/signals";
import { api } from "../../api/client";
import { OfficeHeader } from "../../components/office/OfficeHeader";
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

/** The office's bar, with the company, the live connection's state and signing out. */
export function DispatchHeader({ company, connection }: Props) {
  async function signOut() {
    await api.POST("/api/v1/auth/logout");
    location.href = "/login/";
  }
  const state = connection.value;
  return (
    <OfficeHeader current="dispatch">
      <span class="muted company">{company.value}</span>
      <span class={`badge connection ${state}`} title={t("dispatch.connection.title")}>{t(connectionKeys[state])}</span>
      <button type="button" onClick={() => void signOut()}>{t("dispatch.signOut")}</button>
    </OfficeHeader>
  );
}
