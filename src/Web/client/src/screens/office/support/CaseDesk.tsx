import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { caseLabel, CaseThread, StatusBadge } from "../../../components/support/CaseThread";
import { When } from "../../../components/time";
import type { MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import type { SavedReply } from "./SavedReplies";
import { SlaTimer } from "./SlaTimer";

type Case = components["schemas"]["CaseDto"];

const statuses = ["New", "Open", "WaitingOnCustomer", "Resolved", "Closed"] as const;
const priorities = ["Low", "Normal", "High", "Urgent"] as const;
const categories = ["Question", "Scheduling", "Billing", "Quality", "Equipment", "Other"] as const;

/**
 * One case on the team's desk: its history (messages, notes, changes), a reply to the customer (leaving the case
 * waiting on them, open, or resolved), an internal note, and its status, priority, category and assignee.
 */
export function CaseDesk({ caseId, team, saved, zone, now, onChanged }: {
  caseId: string; team: string[]; saved: SavedReply[]; zone: string; now: number; onChanged: () => void;
}) {
  const found = useSignal<Case | "loading" | "missing">("loading");
  const reply = useSignal("");
  const then = useSignal("WaitingOnCustomer");
  const note = useSignal("");
  const mergeInto = useSignal("");
  const fields = useSignal({ status: "", priority: "", category: "", assignee: "" });
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);

  const show = (c: Case) => {
    found.value = c;
    fields.value = { status: c.status, priority: c.priority, category: c.category, assignee: c.assigneeEmail ?? "" };
  };

  useEffect(() => {
    void api.GET("/api/v1/support/cases/{caseId}", { params: { path: { caseId } } }).then(({ data }) => (data ? show(data) : (found.value = "missing")));
  }, [caseId]);

  async function act(call: Promise<{ ok: true; data: Case } | { ok: false; problem: string }>, done: () => void, saved?: string) {
    busy.value = true;
    message.value = null;
    const answer = await call;
    busy.value = false;
    if (!answer.ok) { message.value = { ok: false, text: answer.problem }; return; }
    show(answer.data);
    done();
    if (saved) message.value = { ok: true, text: saved };
    onChanged();
  }

  const path = { params: { path: { caseId } } };
  const sendReply = (e: Event) => {
    e.preventDefault();
    void act(outcome(api.POST("/api/v1/support/cases/{caseId}/replies", { ...path, body: { text: reply.value, status: then.value } })), () => (reply.value = ""));
  };
  const addNote = (e: Event) => {
    e.preventDefault();
    void act(outcome(api.POST("/api/v1/support/cases/{caseId}/notes", { ...path, body: { text: note.value } })), () => (note.value = ""));
  };
  const merge = (e: Event) => {
    e.preventDefault();
    void act(outcome(api.POST("/api/v1/support/cases/{caseId}/merge", { ...path, body: { into: mergeInto.value } })), () => (mergeInto.value = ""));
  };
  const save = (e: Event) => {
    e.preventDefault();
    const c = found.value as Case;
    const f = fields.value;
    void act(outcome(api.PATCH("/api/v1/support/cases/{caseId}", {
      ...path,
      body: {
        status: f.status !== c.status ? f.status : null, priority: f.priority !== c.priority ? f.priority : null,
        category: f.category !== c.category ? f.category : null, assigneeEmail: f.assignee !== (c.assigneeEmail ?? "") ? f.assignee : null, unassign: null,
      },
    })), () => {}, t("officeSupport.saved"));
  };

  const c = found.value;
  if (c === "loading") return <section class="card case-desk"><p class="muted">{t("common.loading")}</p></section>;
  if (c === "missing") return <section class="card case-desk"><p class="error" role="alert">{t("support.notFound")}</p></section>;
  const closed = c.status === "Closed";
  const opener = c.entries[0];
  const select = (name: keyof typeof fields.value, label: MessageKey, options: readonly string[], text: (v: string) => string) => (
    <label>{t(label)}
      <select value={fields.value[name]} disabled={closed} onChange={e => (fields.value = { ...fields.value, [name]: e.currentTarget.value })}>
        {options.map(o => <option key={o} value={o}>{text(o)}</option>)}
      </select>
    </label>
  );
  return (
    <section class="card case-desk" aria-labelledby="case-title">
      <div class="case-head">
        <h2 id="case-title">{c.displayNumber} · {c.subject}</h2>
        <StatusBadge status={c.status} />
      </div>
      <p class="sla-timers" aria-label={t("officeSupport.sla.timers")}>
        <SlaTimer target="firstResponse" timer={c.firstResponseSla} now={now} zone={zone} />
        <SlaTimer target="resolution" timer={c.resolutionSla} now={now} zone={zone} />
      </p>
      <p class="muted">
        {t("officeSupport.openedVia", { who: opener?.authorName ?? "", channel: t(`officeSupport.channel.${c.channel}` as MessageKey) })}
        {" "}· <When at={c.openedAt} zone={zone} /> · {t("officeSupport.firstResponse")}: {c.firstResponseAt ? <When at={c.firstResponseAt} zone={zone} /> : t("officeSupport.noResponse")}
      </p>
      <div class="desk-grid">
        <div class="desk-thread">
          <CaseThread entries={c.entries} zone={zone} me="Team" />
          {!closed && (
            <>
              <form class="case-form" onSubmit={sendReply}>
                {saved.length > 0 && (
                  <label>{t("officeSupport.insertSaved")}
                    <select value="" onChange={e => {
                      const chosen = saved.find(r => r.id === e.currentTarget.value);
                      // Into the reply as it stands, to edit before it goes.
                      if (chosen) reply.value = reply.value.trim() ? `${reply.value.trimEnd()}\n\n${chosen.text}` : chosen.text;
                    }}>
                      <option value="">{t("officeSupport.chooseSaved")}</option>
                      {saved.map(r => <option key={r.id} value={r.id}>{r.title}</option>)}
                    </select>
                  </label>
                )}
                <label>{t("officeSupport.reply")}
                  <textarea rows={4} maxLength={4000} value={reply.value} onInput={e => (reply.value = e.currentTarget.value)} />
                </label>
                <div class="actions">
                  <label class="inline">{t("officeSupport.thenStatus")}
                    <select value={then.value} onChange={e => (then.value = e.currentTarget.value)}>
                      {(["WaitingOnCustomer", "Open", "Resolved"] as const).map(s => <option key={s} value={s}>{caseLabel("status", s)}</option>)}
                    </select>
                  </label>
                  <button type="submit" class="primary" disabled={busy.value || !reply.value.trim()}>{t("officeSupport.sendReply")}</button>
                </div>
              </form>
              <form class="case-form" onSubmit={addNote}>
                <label>{t("officeSupport.noteLabel")}
                  <textarea rows={2} maxLength={4000} value={note.value} onInput={e => (note.value = e.currentTarget.value)} />
                </label>
                <div class="actions"><button type="submit" disabled={busy.value || !note.value.trim()}>{t("officeSupport.addNote")}</button></div>
              </form>
            </>
          )}
        </div>
        <div class="desk-side">
        <form class="case-form desk-fields" onSubmit={save} aria-label={t("officeSupport.fields")}>
          {select("status", "officeSupport.status", statuses, s => caseLabel("status", s))}
          {select("priority", "officeSupport.priority", priorities, p => caseLabel("priority", p))}
          {select("category", "officeSupport.category", categories, x => caseLabel("category", x))}
          {select("assignee", "officeSupport.assignee", ["", ...team], e => e || t("officeSupport.nobody"))}
          <div class="actions"><button type="submit" disabled={busy.value || closed}>{t("officeSupport.save")}</button></div>
        </form>
        {!closed && (
          <form class="case-form desk-merge" onSubmit={merge}>
            <label>{t("officeSupport.mergeInto")}
              <input value={mergeInto.value} maxLength={20} placeholder="C-00042" onInput={e => (mergeInto.value = e.currentTarget.value)} />
            </label>
            <div class="actions"><button type="submit" disabled={busy.value || !mergeInto.value.trim()}>{t("officeSupport.merge")}</button></div>
          </form>
        )}
        </div>
      </div>
      {message.value && <p class={message.value.ok ? "notice" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
    </section>
  );
}
