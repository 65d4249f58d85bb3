// The contact's conversations, live: the page joins every listed thread on /hubs/chat, so unread counts move while the
// contact is elsewhere in the portal; the open thread (ChatThread) shows new messages and marks them read.
import { computed, signal } from "@preact/signals";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { LiveHub } from "../../api/hub";
import type { ChatMessage } from "../../components/chat/chatApi";

export type PortalThread = components["schemas"]["PortalThreadDto"];

class PortalConversations {
  readonly hub = new LiveHub("/hubs/chat");
  /** null until the first answer. */
  readonly threads = signal<PortalThread[] | null>(null);
  /** The thread on screen, whose messages are read as they arrive. */
  readonly open = signal<string | null>(null);
  readonly unread = computed(() => (this.threads.value ?? []).reduce((sum, thread) => sum + Number(thread.unread), 0));
  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.hub.connection.on("Message", (message: ChatMessage) => {
      if (message.threadId === this.open.value || message.author.kind !== "Team") return;
      this.threads.value = (this.threads.value ?? []).map(t => (t.threadId === message.threadId ? { ...t, unread: Number(t.unread) + 1 } : t));
    });
    // A new connection is in no group: join again, and re-read so nothing sent meanwhile is missed.
    this.hub.connection.onreconnected(() => void this.load());
    try {
      await this.hub.start();
    } catch {
      // Offline: the lists still come from the API; counts move again once a later visit connects.
    }
    await this.load();
  }

  async load(): Promise<void> {
    const { data } = await api.GET("/api/v1/portal/conversations");
    if (!data) return;
    this.threads.value = data;
    if (this.hub.state.value !== "live") return;
    for (const thread of data) await this.hub.connection.invoke("Join", thread.threadId);
  }

  read(threadId: string): void {
    this.threads.value = (this.threads.value ?? []).map(t => (t.threadId === threadId ? { ...t, unread: 0 } : t));
  }
}

export const conversations = new PortalConversations();
