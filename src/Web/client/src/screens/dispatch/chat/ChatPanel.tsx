import * as signalR from "@microsoft/signalr";
import { useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";
import { TeamThread, type ChatMessage } from "./TeamThread";

type TeamThreadDto = components["schemas"]["TeamThreadDto"];

/**
 * The team's conversations beside the board: the inbox (threads by latest activity, with the team's unread counts), one
 * open thread, replies and internal notes. Its own hub connection (/hubs/chat-team): the inbox group tells it about
 * activity in any thread, and it joins the thread it shows. A small panel of its own until the shared chat thread
 * component (components/chat) is there to reuse.
 */
export function ChatPanel({ zone }: { zone: string }) {
  const threads = useSignal<readonly TeamThreadDto[]>([]);
  const open = useSignal<{ id: string; title: string; joined: number } | null>(null);
  const offline = useSignal(false);
  const [hub] = useState(() => new signalR.HubConnectionBuilder().withUrl("/hubs/chat-team").withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning).build());
  // Messages the hub brings for the open thread; the thread view takes them in.
  const arrived = useSignal<ChatMessage | null>(null);

  async function loadThreads() {
    const { data } = await api.GET("/api/v1/conversations");
    if (data) threads.value = data;
  }

  useEffect(() => {
    hub.on("Message", (message: ChatMessage) => (arrived.value = message));
    hub.on("ThreadActivity", () => void loadThreads());
    hub.onreconnected(async () => {
      await loadThreads();
      const shown = open.peek();
      // A reconnection is a new connection: join the open thread again (the view re-reads it).
      if (shown) {
        await hub.invoke("Join", shown.id);
        open.value = { ...shown, joined: Date.now() };
      }
    });
    hub.start().then(loadThreads, () => (offline.value = true));
    return () => void hub.stop();
  }, []);

  async function show(thread: TeamThreadDto) {
    const shown = open.peek();
    if (shown && shown.id !== thread.threadId) await hub.invoke("Leave", shown.id);
    // Join before reading, so nothing posted in between is missed (the view shows each message once).
    await hub.invoke("Join", thread.threadId);
    open.value = { id: thread.threadId, title: t("dispatch.chat.threadTitle", { customer: thread.customerName || t("dispatch.chat.customer"), title: thread.title }), joined: Date.now() };
  }

  async function back() {
    const shown = open.peek();
    if (shown) await hub.invoke("Leave", shown.id);
    open.value = null;
    await loadThreads();
  }

  const unread = threads.value.reduce((sum, thread) => sum + thread.unread, 0);
  const shown = open.value;
  return (
    <section class="panel chat-panel" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t("dispatch.chat.heading")} <span class={`badge${unread > 0 ? " unread" : ""}`}>{unread}</span></h2>
      {offline.value && <p class="error small">{t("dispatch.chat.offline")}</p>}
      {shown
        ? <TeamThread key={`${shown.id}:${shown.joined}`} threadId={shown.id} title={shown.title} zone={zone} arrived={arrived} onBack={() => void back()} onRead={() => void loadThreads()} />
        : (
          <ul class="threads" aria-label={t("dispatch.chat.heading")}>
            {threads.value.length === 0 && <li class="muted empty">{t("dispatch.chat.none")}</li>}
            {threads.value.map(thread => {
              const count = thread.unread;
              return (
                <li key={thread.threadId}>
                  <button type="button" onClick={() => void show(thread)}>
                    <span class="title">{t("dispatch.chat.threadTitle", { customer: thread.customerName || t("dispatch.chat.customer"), title: thread.title })}</span>
                    {count > 0 && <span class="badge unread" aria-label={t("dispatch.chat.unread", { count })}>{count}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
    </section>
  );
}
