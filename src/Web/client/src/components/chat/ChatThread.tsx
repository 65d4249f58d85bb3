// One chat thread on screen, shared by the customer portal and the dispatcher's panel. Messages arrive twice over (the
// API's answer to a send, and the hub), so each is shown once, by id. Text is rendered as text, never as HTML: it
// comes from people.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { LiveHub } from "../../api/hub";
import { t } from "../../i18n/i18n";
import { ChatComposer } from "./ChatComposer";
import { ChatMessageItem } from "./ChatMessageItem";
import { markRead, pageOf, type ChatApiBase, type ChatMessage } from "./chatApi";
import "./chat.css";

/** Whose side the reader is on: the author kind their side writes as. */
export type ChatSide = "Customer" | "Team";

export interface ChatThreadProps {
  /** The thread shown: "job:{ticketId}" or "customer:{customerId}". */
  threadId: string;
  /** The API of the reader's side: "/api/v1/portal/conversations" (customers) or "/api/v1/conversations" (the team). */
  base: ChatApiBase;
  /**
   * A connection to the same side's hub (/hubs/chat or /hubs/chat-team). The thread joins itself before it reads, and
   * again after a reconnection; it never leaves (a page that listens to many threads stays joined).
   */
  hub: LiveHub;
  /** Who reads: their side's messages align as their own, and the team's composer can write internal notes. */
  me: ChatSide;
  /** The company's time zone, in which messages are dated. */
  zone: string;
  /** Told once the thread is read up to its newest message, so a list can clear its unread count. */
  onRead?: (threadId: string) => void;
}

export function ChatThread({ threadId, base, hub, me, zone, onRead }: ChatThreadProps) {
  const messages = useSignal<ChatMessage[]>([]);
  const before = useSignal<string | null>(null);
  const failed = useSignal(false);
  const loaded = useSignal(false);
  const list = useRef<HTMLOListElement>(null);
  const follow = useRef(true); // scroll to the newest after the next render (not after older ones were put on top)
  const reconnects = hub.reconnects.value;
  const typing = useSignal<string | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);

  function add(message: ChatMessage): boolean {
    if (message.threadId !== threadId || messages.value.some(m => m.id === message.id)) return false;
    if (message.author.kind !== me) typing.value = null;
    follow.current = true;
    messages.value = [...messages.value, message];
    return true;
  }

  async function readUpToNewest() {
    const newest = messages.value.at(-1);
    if (!newest) return;
    const answer = await markRead(base, threadId, newest.id);
    if (answer.ok) onRead?.(threadId);
  }

  useEffect(() => {
    let current = true;
    messages.value = [];
    loaded.value = false;
    failed.value = false;
    const onMessage = (message: ChatMessage) => {
      if (current && add(message)) void readUpToNewest();
    };
    hub.connection.on("Message", onMessage);
    // The other side typing: shown for a little longer than they signal (every 3 s), and gone with their message.
    const onTyping = (signal: { threadId: string; name: string }) => {
      if (!current || signal.threadId !== threadId) return;
      typing.value = signal.name;
      clearTimeout(typingTimer.current);
      typingTimer.current = window.setTimeout(() => (typing.value = null), 6000);
    };
    hub.connection.on("Typing", onTyping);
    void (async () => {
      // Join before reading, so nothing posted in between is missed (each message is shown once).
      try {
        await hub.connection.invoke("Join", threadId);
      } catch {
        // Offline: the page still shows what the API answers, and joins again when the hub reconnects.
      }
      const page = await pageOf(base, threadId, null);
      if (!current) return;
      if (!page.ok) {
        failed.value = true;
        return;
      }
      before.value = page.data.before;
      for (const m of page.data.messages) add(m);
      loaded.value = true;
      await readUpToNewest();
    })();
    return () => {
      current = false;
      hub.connection.off("Message", onMessage);
      hub.connection.off("Typing", onTyping);
      clearTimeout(typingTimer.current);
      typing.value = null;
    };
  }, [threadId, base, hub, reconnects]);

  useEffect(() => {
    if (follow.current) list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
    follow.current = false;
  }, [messages.value]);

  async function older() {
    const page = await pageOf(base, threadId, before.value);
    if (!page.ok) return;
    before.value = page.data.before;
    const known = new Set(messages.value.map(m => m.id));
    messages.value = [...page.data.messages.filter(m => !known.has(m.id)), ...messages.value];
  }

  return (
    <div class="chat-thread">
      {before.value && <button type="button" class="chat-older" onClick={older}>{t("chat.older")}</button>}
      <ol ref={list} class="messages" aria-label={t("chat.messages")} aria-live="polite">
        {messages.value.map(m => <ChatMessageItem key={m.id} message={m} mine={m.author.kind === me} zone={zone} />)}
      </ol>
      {loaded.value && messages.value.length === 0 && <p class="muted">{t("chat.none")}</p>}
      {failed.value && <p class="error" role="alert">{t("chat.loadFailed")}</p>}
      <p class="chat-typing muted" aria-live="polite">{typing.value !== null && t("chat.typing", { name: typing.value || t("chat.someone") })}</p>
      <ChatComposer base={base} threadId={threadId} team={me === "Team"} onSent={m => add(m)}
        onTyping={() => void hub.connection.invoke("Typing", threadId).catch(() => undefined)} />
    </div>
  );
}
