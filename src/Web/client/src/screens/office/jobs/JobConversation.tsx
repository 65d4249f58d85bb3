import { useEffect, useState } from "preact/hooks";
import { LiveHub } from "../../../api/hub";
import { ChatThread } from "../../../components/chat/ChatThread";
import { t } from "../../../i18n/i18n";

/** The job's own thread with the customer (threads are per job), on the team's side: replies and internal notes, live. */
export function JobConversation({ threadId, zone }: { threadId: string; zone: string }) {
  const [hub] = useState(() => new LiveHub("/hubs/chat-team"));
  useEffect(() => {
    // Offline: the thread still shows what the API answers once the attempt is over, and joins when the hub reconnects.
    hub.start().catch(() => (hub.state.value = "offline"));
    return () => void hub.connection.stop();
  }, []);
  return (
    <section class="card job-conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t("office.job.conversation")}</h2>
      <p class="muted">{t("office.job.conversationHint")}</p>
      {/* After the first connection attempt: the thread joins its group before it reads, so no message falls between. */}
      {hub.state.value === "connecting" && hub.reconnects.value === 0 ? <p class="muted">{t("common.loading")}</p>
        : <ChatThread threadId={threadId} base="/api/v1/conversations" hub={hub} me="Team" zone={zone} />}
    </section>
  );
}
