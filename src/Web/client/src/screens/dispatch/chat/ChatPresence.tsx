import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { LiveHub } from "../../../api/hub";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";

type Availability = components["schemas"]["ChatAvailabilityDto"];
type Status = "Online" | "Away";

const storageKey = "orleansportal.chatStatus";
/** The server forgets a connection silent for 150 s: a report every minute keeps it. */
const reportEvery = 60_000;

/**
 * The member's own chat status (online or away; customers see whether anyone is online), reported on this page's
 * team hub when it connects, when it changes and every minute, and who of the team is there now. Closing the page is
 * going offline.
 */
export function ChatPresence({ hub }: { hub: LiveHub }) {
  const status = useSignal<Status>(localStorage.getItem(storageKey) === "Away" ? "Away" : "Online");
  const team = useSignal<Availability | null>(null);
  const state = hub.state.value;

  const load = () => void api.GET("/api/v1/conversations/availability").then(({ data }) => (team.value = data ?? null));
  const report = async () => {
    try {
      await hub.connection.invoke("SetPresence", status.value);
    } catch {
      // Not connected: the hub reports again once it is.
    }
    load();
  };

  useEffect(() => {
    if (state !== "live") return;
    void report();
    const timer = setInterval(() => void report(), reportEvery);
    return () => clearInterval(timer);
  }, [state]);

  function choose(next: Status) {
    status.value = next;
    localStorage.setItem(storageKey, next);
    void report();
  }

  const others = team.value?.agents ?? [];
  return (
    <div class="chat-presence">
      <label>{t("dispatch.chat.myStatus")}
        <select value={status.value} onChange={e => choose(e.currentTarget.value as Status)}>
          <option value="Online">{t("dispatch.chat.status.Online")}</option>
          <option value="Away">{t("dispatch.chat.status.Away")}</option>
        </select>
      </label>
      <p class="muted small">
        {others.length === 0 ? t("dispatch.chat.nobodyOnline")
          : t("dispatch.chat.teamOnline", { names: others.map(a => a.status === "Away" ? t("dispatch.chat.awayName", { name: a.name }) : a.name).join(", ") })}
      </p>
    </div>
  );
}
