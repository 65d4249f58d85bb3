import { useSignal } from "@preact/signals";
import { useEffect, useId, useRef } from "preact/hooks";
import { t } from "../../i18n/i18n";
import { send, type ChatApiBase, type ChatMessage } from "./chatApi";

/** How often, at most, the other side is told that the reader is typing (they show it for a little longer). */
const typingEvery = 3000;

/**
 * The message form under a thread: text, photos and, for the team, the internal-note switch. While the text changes,
 * <code>onTyping</code> is called at most every few seconds (not for an internal note: the customer must not see the team
 * typing one).
 */
export function ChatComposer({ base, threadId, team, onSent, onTyping }: {
  base: ChatApiBase; threadId: string; team: boolean; onSent: (message: ChatMessage) => void; onTyping?: () => void;
}) {
  const text = useSignal("");
  const internal = useSignal(false);
  const error = useSignal("");
  const busy = useSignal(false);
  const files = useRef<HTMLInputElement>(null);
  const id = useId();
  const lastTyping = useRef(0);
  const pendingTyping = useRef<number | undefined>(undefined);
  useEffect(() => () => clearTimeout(pendingTyping.current), []);

  // At most one signal per interval: the first at once, and one more at the interval's end if the text changed in it.
  function typed(value: string) {
    text.value = value;
    if (!onTyping || pendingTyping.current !== undefined) return;
    const signal = () => {
      pendingTyping.current = undefined;
      if ((team && internal.value) || text.value.trim() === "") return;
      lastTyping.current = Date.now();
      onTyping();
    };
    const wait = lastTyping.current + typingEvery - Date.now();
    if (wait <= 0) signal();
    else pendingTyping.current = window.setTimeout(signal, wait);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const chosen = [...(files.current?.files ?? [])];
    error.value = "";
    if (!text.value.trim() && chosen.length === 0) {
      error.value = t("chat.empty");
      return;
    }
    busy.value = true;
    const answer = await send(base, threadId, text.value, chosen, team && internal.value);
    busy.value = false;
    if (!answer.ok) {
      error.value = answer.status === 413 ? t("chat.tooBig") : answer.status === 400 ? answer.problem : t("chat.sendFailed", { status: answer.status });
      return;
    }
    onSent(answer.data);
    clearTimeout(pendingTyping.current);
    pendingTyping.current = undefined;
    text.value = "";
    internal.value = false;
    if (files.current) files.current.value = "";
  }

  return (
    <form class="chat-form" onSubmit={submit}>
      <label for={`${id}-text`}>{team ? t("chat.reply") : t("chat.yourMessage")}</label>
      <textarea id={`${id}-text`} maxLength={4000} rows={3} value={text.value} onInput={e => typed(e.currentTarget.value)} />
      <label for={`${id}-files`}>{t("chat.photos")}</label>
      <input id={`${id}-files`} ref={files} type="file" accept="image/jpeg,image/png,image/webp" multiple />
      {team && (
        <label class="chat-internal">
          <input type="checkbox" checked={internal.value} onChange={e => (internal.value = e.currentTarget.checked)} /> {t("chat.internal")}
        </label>
      )}
      <button class="primary" type="submit" disabled={busy.value}>{t("chat.send")}</button>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </form>
  );
}
