import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";

export type SavedReply = components["schemas"]["CannedReplyDto"];

/** The company's saved replies, folded under the queue: each with Remove, and a form to save another. */
export function SavedReplies({ replies, onChanged }: { replies: SavedReply[]; onChanged: () => void }) {
  const title = useSignal("");
  const text = useSignal("");
  const problem = useSignal("");
  const busy = useSignal(false);

  async function add(event: Event) {
    event.preventDefault();
    busy.value = true;
    problem.value = "";
    const answer = await outcome(api.POST("/api/v1/support/canned-replies", { body: { title: title.value, text: text.value } }));
    busy.value = false;
    if (!answer.ok) { problem.value = answer.problem; return; }
    title.value = "";
    text.value = "";
    onChanged();
  }

  async function remove(reply: SavedReply) {
    await api.DELETE("/api/v1/support/canned-replies/{id}", { params: { path: { id: reply.id } } });
    onChanged();
  }

  return (
    <details class="saved-replies">
      <summary>{t("officeSupport.savedReplies", { count: replies.length })}</summary>
      <ul class="plain">
        {replies.map(r => (
          <li key={r.id} class="saved-reply">
            <strong>{r.title}</strong> <span class="muted">{r.text}</span>
            <button type="button" class="link" onClick={() => void remove(r)} aria-label={t("officeSupport.removeSaved", { title: r.title })}>{t("officeSupport.remove")}</button>
          </li>
        ))}
      </ul>
      <form class="case-form" onSubmit={add}>
        <label>{t("officeSupport.savedTitle")}<input value={title.value} maxLength={100} onInput={e => (title.value = e.currentTarget.value)} /></label>
        <label>{t("officeSupport.savedText")}<textarea rows={3} maxLength={4000} value={text.value} onInput={e => (text.value = e.currentTarget.value)} /></label>
        <div class="actions"><button type="submit" disabled={busy.value || !title.value.trim() || !text.value.trim()}>{t("officeSupport.save")}</button></div>
        {problem.value && <p class="error" role="alert">{problem.value}</p>}
      </form>
    </details>
  );
}
