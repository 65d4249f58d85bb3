import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { caseLabel, CaseThread, StatusBadge } from "../../components/support/CaseThread";
import { When } from "../../components/time";
import { t } from "../../i18n/i18n";
import { CaseSuggestions } from "./CaseSuggestions";
import { go, hrefOf, route } from "./route";
import { me, zone } from "./session";

type Summary = components["schemas"]["CaseSummaryDto"];
type Case = components["schemas"]["CaseDto"];
type Property = components["schemas"]["PropertyDto"];

const categories = ["Question", "Scheduling", "Billing", "Quality", "Equipment", "Other"] as const;
const priorities = ["Low", "Normal", "High", "Urgent"] as const;

/**
 * The contact's support cases: the list ("#support"), a form to open one ("#support/new"), and one case with its
 * messages and a reply box ("#support/{id}"). A case is not a job: it is a question or a problem for the team.
 */
export function SupportSection() {
  const detail = route.value.detail;
  return (
    <section class="card support" aria-labelledby="support-title">
      <h2 id="support-title" tabIndex={-1}>{t("support.title")}</h2>
      {detail === "new" ? <NewCaseForm /> : detail === "answered" ? <Answered /> : detail ? <CaseView caseId={detail} /> : <CaseList />}
    </section>
  );
}

/** After a suggested article answered the customer: no case was opened, and the way to one is still there. */
function Answered() {
  return (
    <>
      <p role="status">{t("support.answeredThanks")}</p>
      <p><a class="button" href={hrefOf("support")}>{t("support.back")}</a></p>
    </>
  );
}

function CaseList() {
  const cases = useSignal<Summary[] | "loading" | "failed">("loading");
  useEffect(() => {
    void api.GET("/api/v1/portal/cases").then(({ data }) => (cases.value = data ?? "failed"));
  }, []);
  const list = cases.value;
  return (
    <>
      <p class="muted">{t("support.intro")}</p>
      <p class="support-actions">
        <a class="button primary" href={hrefOf("support", "new")}>{t("support.new")}</a>
        {me.value && <a class="button" href={me.value.helpCenter} target="_blank" rel="noopener">{t("support.helpCenter")}</a>}
      </p>
      {list === "loading" && <p class="muted">{t("common.loading")}</p>}
      {list === "failed" && <p class="error" role="alert">{t("support.loadFailed")}</p>}
      {Array.isArray(list) && list.length === 0 && <p class="muted">{t("support.none")}</p>}
      {Array.isArray(list) && list.length > 0 && (
        <ul class="case-list">
          {list.map(c => (
            <li key={c.id} class="case-row">
              <a href={hrefOf("support", c.id)}>
                <strong>{c.displayNumber}</strong>
                <span class="case-subject">{c.subject}</span>
                <StatusBadge status={c.status} />
                <span class="case-when muted">{t("support.updated")} <When at={c.updatedAt} zone={zone()} /></span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NewCaseForm() {
  const properties = useSignal<Property[]>([]);
  const form = useSignal({ subject: "", category: "Question", priority: "Normal", propertyId: "", description: "" });
  const fields = useSignal<Record<string, string[]>>({});
  const problem = useSignal("");
  const busy = useSignal(false);
  useEffect(() => {
    void api.GET("/api/v1/portal/properties").then(({ data }) => (properties.value = data ?? []));
  }, []);
  const set = (change: Partial<typeof form.value>) => (form.value = { ...form.value, ...change });

  async function submit(event: Event) {
    event.preventDefault();
    busy.value = true;
    problem.value = "";
    const f = form.value;
    const answer = await outcome(api.POST("/api/v1/portal/cases", {
      body: { subject: f.subject, category: f.category, priority: f.priority, description: f.description, propertyId: f.propertyId || null, ticketId: null },
    }));
    busy.value = false;
    if (!answer.ok) {
      fields.value = answer.fields;
      problem.value = Object.keys(answer.fields).length > 0 ? t("support.fixFields") : answer.problem;
      return;
    }
    go("support", answer.data.id);
  }

  const error = (field: string) => fields.value[field] && <span id={`case-${field}-error`} class="error field-error">{fields.value[field]!.join(" ")}</span>;
  const invalid = (field: string) => ({ "aria-invalid": !!fields.value[field], "aria-describedby": fields.value[field] ? `case-${field}-error` : undefined });
  return (
    <form class="case-form" onSubmit={submit} noValidate>
      <label>{t("support.subject")}
        <input value={form.value.subject} maxLength={200} required onInput={e => set({ subject: e.currentTarget.value })} {...invalid("subject")} />
      </label>
      {error("subject")}
      <CaseSuggestions subject={form.value.subject} onAnswered={() => go("support", "answered")} />
      <label>{t("support.category")}
        <select value={form.value.category} onChange={e => set({ category: e.currentTarget.value })}>
          {categories.map(c => <option key={c} value={c}>{caseLabel("category", c)}</option>)}
        </select>
      </label>
      <label>{t("support.priority")}
        <select value={form.value.priority} onChange={e => set({ priority: e.currentTarget.value })}>
          {priorities.map(p => <option key={p} value={p}>{caseLabel("priority", p)}</option>)}
        </select>
      </label>
      {properties.value.length > 0 && (
        <label>{t("support.property")}
          <select value={form.value.propertyId} onChange={e => set({ propertyId: e.currentTarget.value })}>
            <option value="">{t("support.noProperty")}</option>
            {properties.value.map(p => <option key={p.id} value={p.id}>{`${p.name} — ${p.address}`}</option>)}
          </select>
        </label>
      )}
      <label>{t("support.description")}
        <textarea rows={5} maxLength={4000} required value={form.value.description} onInput={e => set({ description: e.currentTarget.value })} {...invalid("description")} />
      </label>
      {error("description")}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy.value}>{t("support.send")}</button>
        {" "}<a class="button" href={hrefOf("support")}>{t("support.cancel")}</a>
      </div>
      {problem.value && <p class="error" role="alert">{problem.value}</p>}
    </form>
  );
}

function CaseView({ caseId }: { caseId: string }) {
  const found = useSignal<Case | "loading" | "missing">("loading");
  const reply = useSignal("");
  const problem = useSignal("");
  const busy = useSignal(false);
  useEffect(() => {
    found.value = "loading";
    void api.GET("/api/v1/portal/cases/{caseId}", { params: { path: { caseId } } }).then(({ data }) => (found.value = data ?? "missing"));
  }, [caseId]);

  async function send(event: Event) {
    event.preventDefault();
    busy.value = true;
    problem.value = "";
    const answer = await outcome(api.POST("/api/v1/portal/cases/{caseId}/replies", { params: { path: { caseId } }, body: { text: reply.value, status: null } }));
    busy.value = false;
    if (!answer.ok) { problem.value = answer.problem; return; }
    found.value = answer.data;
    reply.value = "";
  }

  const c = found.value;
  return (
    <>
      <a class="back-link" href={hrefOf("support")}>‹ {t("support.back")}</a>
      {c === "loading" && <p class="muted">{t("common.loading")}</p>}
      {c === "missing" && <p class="error" role="alert">{t("support.notFound")}</p>}
      {typeof c === "object" && (
        <article class="case" aria-labelledby="case-title">
          <div class="case-head">
            <h3 id="case-title">{c.displayNumber} · {c.subject}</h3>
            <StatusBadge status={c.status} />
          </div>
          {c.entries.length === 1 && c.status === "New" && <p role="status" class="notice">{t("support.opened", { number: c.displayNumber })}</p>}
          {c.expectedResponseBy && <p class="muted expected-answer">{t("support.expectedBy")} <When at={c.expectedResponseBy} zone={zone()} /></p>}
          <CaseThread entries={c.entries} zone={zone()} me="Customer" />
          {c.status === "Closed"
            ? <p class="muted">{t("support.closed")}</p>
            : (
              <form class="case-form" onSubmit={send}>
                <label>{t("support.reply")}
                  <textarea rows={3} maxLength={4000} required value={reply.value} onInput={e => (reply.value = e.currentTarget.value)} />
                </label>
                <div class="actions"><button type="submit" class="primary" disabled={busy.value || !reply.value.trim()}>{t("support.sendReply")}</button></div>
                {problem.value && <p class="error" role="alert">{problem.value}</p>}
              </form>
            )}
        </article>
      )}
    </>
  );
}
