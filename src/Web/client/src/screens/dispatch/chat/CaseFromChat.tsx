import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { caseLabel } from "../../../components/support/CaseThread";
import { t } from "../../../i18n/i18n";

const categories = ["Question", "Scheduling", "Billing", "Quality", "Equipment", "Other"] as const;

/**
 * "Open a case" under an open chat thread: a subject and a category, and the conversation becomes a support case of its
 * customer (its latest messages as the text), linked once opened. Folded until asked for, so the chat keeps its room.
 */
export function CaseFromChat({ threadId, title }: { threadId: string; title: string }) {
  const open = useSignal(false);
  const subject = useSignal(title);
  const category = useSignal<string>("Question");
  const busy = useSignal(false);
  const result = useSignal<{ ok: true; id: string; number: string } | { ok: false; text: string } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    busy.value = true;
    const answer = await outcome(api.POST("/api/v1/support/cases/from-chat", { body: { threadId, subject: subject.value, category: category.value, priority: null } }));
    busy.value = false;
    result.value = answer.ok ? { ok: true, id: answer.data.id, number: answer.data.displayNumber } : { ok: false, text: answer.problem };
    if (answer.ok) open.value = false;
  }

  const r = result.value;
  return (
    <div class="case-from-chat">
      {r?.ok && <p role="status"><a href={`/office/support/#${r.id}`}>{t("dispatch.chat.caseOpened", { number: r.number })}</a></p>}
      {!open.value ? <button type="button" onClick={() => { open.value = true; result.value = null; }}>{t("dispatch.chat.openCase")}</button> : (
        <form onSubmit={submit}>
          <label>{t("dispatch.chat.caseSubject")}
            <input value={subject.value} maxLength={200} required onInput={e => (subject.value = e.currentTarget.value)} />
          </label>
          <label>{t("dispatch.chat.caseCategory")}
            <select value={category.value} onChange={e => (category.value = e.currentTarget.value)}>
              {categories.map(c => <option key={c} value={c}>{caseLabel("category", c)}</option>)}
            </select>
          </label>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy.value}>{t("dispatch.chat.createCase")}</button>
            <button type="button" onClick={() => (open.value = false)}>{t("dispatch.chat.cancelCase")}</button>
          </div>
          {r && !r.ok && <p class="error" role="alert">{r.text}</p>}
        </form>
      )}
    </div>
  );
}
