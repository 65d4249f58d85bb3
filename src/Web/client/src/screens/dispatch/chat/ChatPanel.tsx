import { useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../../api/client";
import { LiveHub } from "../../../api/hub";
import type { components } from "../../../api/schema";
import { ChatThread } from "../../../components/chat/ChatThread";
import { ThreadList } from "../../../components/chat/ThreadList";
import { t } from "../../../i18n/i18n";
import { CaseFromChat } from "./CaseFromChat";
import { ChatPresence } from "./ChatPresence";

type TeamThreadDto = components["schemas"]["TeamThreadDto"];

/**
 * The team's conversations beside the board: the inbox (threads by latest activity, with the team's unread counts) and
 * one open thread with replies and internal notes, on the shared chat components. Its own hub connection
 * (/hubs/chat-team), so the board and the live map are untouched: the company's inbox group announces activity in any
 * thread, and the open thread joins its own group.
 */
export function ChatPanel({ zone }: { zone: string }) {
  const [hub] = useState(() => new LiveHub("/hubs/chat-team"));
  const threads = useSignal<readonly TeamThreadDto[]>([]);
  const open = useSignal<TeamThreadDto | null>(null);

  async function loadThreads() {
    const { data } = await api.GET("/api/v1/conversations");
    if (data) threads.value = data;
  }

  useEffect(() => {
    hub.connection.on("ThreadActivity", () => void loadThreads());
    hub.start().then(loadThreads, () => undefined);
    return () => void hub.connection.stop();
  }, []);
  // Activity missed while disconnected is not replayed: read the inbox again after a reconnection.
  const reconnects = hub.reconnects.value;
  useEffect(() => {
    if (reconnects > 0) void loadThreads();
  }, [reconnects]);

  const unread = threads.value.reduce((sum, thread) => sum + thread.unread, 0);
  const shown = open.value;
  return (
    <section class="panel chat-panel" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t("chat.conversations")} <span class={`badge${unread > 0 ? " unread" : ""}`}>{unread}</span></h2>
      {hub.state.value === "offline" && <p class="error small">{t("dispatch.chat.offline")}</p>}
      <ChatPresence hub={hub} />
      {shown ? (
        <>
          <button type="button" onClick={() => { open.value = null; void loadThreads(); }}>‹ {t("dispatch.chat.back")}</button>
          <h3 class="small">{titleOf(shown)}</h3>
          <ChatThread threadId={shown.threadId} base="/api/v1/conversations" hub={hub} me="Team" zone={zone} onRead={() => void loadThreads()} />
          <CaseFromChat key={shown.threadId} threadId={shown.threadId} title={shown.title} />
        </>
      ) : threads.value.length === 0
        ? <p class="muted empty">{t("dispatch.chat.none")}</p>
        : <ThreadList threads={threads.value.map(thread => ({ threadId: thread.threadId, title: titleOf(thread), unread: thread.unread }))}
            onOpen={item => (open.value = threads.peek().find(thread => thread.threadId === item.threadId) ?? null)} />}
    </section>
  );
}

const titleOf = (thread: TeamThreadDto) => t("dispatch.chat.threadTitle", { customer: thread.customerName || t("dispatch.chat.customer"), title: thread.title });
