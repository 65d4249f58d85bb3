import type { Signal } from "@preact/signals";
import { useSignal, useSignalEffect } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";

export type ChatMessage = components["schemas"]["ChatMessageDto"];

interface Props {
  threadId: string;
  title: string;
  zone: string;
  /** The newest message the hub brought (of any thread the connection joined). */
  arrived: Signal<ChatMessage | null>;
  onBack(): void;
  /** Told after the thread was marked read, so the inbox can refresh its counts. */
  onRead(): void;
}

/**
 * One conversation: its messages (older pages on demand), and the team's reply form with the internal-note switch.
 * Messages arrive twice over (the API's answer to a send, and the hub), so each is shown once, by id. Text is shown as
 * text, never parsed as HTML: it comes from people.
 */
export function TeamThread({ threadId, title, zone, arrived, onBack, onRead }: Props) {
  const messages = useSignal<readonly ChatMessage[]>([]);
  const before = useSignal<string | null>(null);
  const error = useSignal("");
  const list = useRef<HTMLOListElement>(null);
  const form = useRef<HTMLFormElement>(null);

  async function markRead(upTo: string | undefined) {
    if (!upTo) return;
    await api.POST("/api/v1/conversations/{threadId}/read", { params: { path: { threadId } }, body: { upTo } });
    onRead();
  }

  function add(incoming: readonly ChatMessage[], atStart = false): boolean {
    const known = new Set(messages.peek().map(m => m.id));
    const fresh = incoming.filter(m => m.threadId === threadId && !known.has(m.id));
    if (fresh.length === 0) return false;
    messages.value = atStart ? [...fresh, ...messages.peek()] : [...messages.peek(), ...fresh];
    return true;
  }

  async function page(from: string | null) {
    const { data } = await api.GET("/api/v1/conversations/{threadId}/messages", { params: { path: { threadId }, query: from ? { before: from } : {} } });
    if (!data) return;
    before.value = data.before;
    add(data.messages, from !== null);
  }

  useEffect(() => {
    void page(null).then(() => markRead(messages.peek().at(-1)?.id));
  }, []);

  useSignalEffect(() => {
    const message = arrived.value;
    if (message && add([message])) void markRead(message.id);
  });

  // The newest message in view whenever one is added at the end.
  const last = messages.value.at(-1)?.id;
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [last]);

  async function send(event: Event) {
    event.preventDefault();
    error.value = "";
    const fields = form.current!.elements;
    const text = fields.namedItem("text") as HTMLTextAreaElement;
    const internal = fields.namedItem("internal") as HTMLInputElement;
    const files = fields.namedItem("files") as HTMLInputElement;
    const answer = await outcome(api.POST("/api/v1/conversations/{threadId}/messages", {
      params: { path: { threadId } },
      body: { text: text.value, internal: internal.checked },
      bodySerializer: body => {
        const data = new FormData();
        data.append("text", body.text ?? "");
        data.append("internal", String(body.internal ?? false));
        for (const file of files.files ?? []) data.append("files", file, file.name);
        return data;
      },
    }));
    if (!answer.ok) {
      error.value = answer.problem;
      return;
    }
    add([answer.data]);
    form.current!.reset();
  }

  return (
    <div class="thread">
      <button type="button" class="back" onClick={onBack}>‹ {t("dispatch.chat.back")}</button>
      <h3 class="small">{title}</h3>
      {before.value && <button type="button" onClick={() => void page(before.peek())}>{t("dispatch.chat.older")}</button>}
      <ol ref={list} class="messages" aria-label={t("dispatch.chat.messages")} aria-live="polite">
        {messages.value.map(m => (
          <li key={m.id} class={`message${m.author.kind === "Team" ? " mine" : ""}${m.internal ? " internal" : ""}`}>
            <div class="meta">{m.author.name} · <When at={m.sentAt} zone={zone} />{m.internal ? ` · ${t("dispatch.chat.internalNote")}` : ""}</div>
            {m.text && <p>{m.text}</p>}
            {m.attachments.map(a => (
              <a key={a.id} href={a.url} target="_blank" rel="noopener"><img src={a.url} alt={a.fileName} loading="lazy" /></a>
            ))}
          </li>
        ))}
      </ol>
      <form ref={form} class="chat-form" onSubmit={e => void send(e)}>
        <label for="chat-text" class="small">{t("dispatch.chat.reply")}</label>
        <textarea id="chat-text" name="text" maxLength={4000} rows={2} />
        <div class="row">
          <label class="inline small"><input type="checkbox" name="internal" /> {t("dispatch.chat.internal")}</label>
          <input type="file" name="files" accept="image/jpeg,image/png,image/webp" multiple aria-label={t("dispatch.chat.images")} />
          <button class="primary" type="submit">{t("dispatch.chat.send")}</button>
        </div>
        {error.value && <p class="error small" role="alert">{error.value}</p>}
      </form>
    </div>
  );
}
