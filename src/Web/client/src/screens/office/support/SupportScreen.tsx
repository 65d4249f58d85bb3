import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { companyZone, loadCompanyZone } from "../../../components/office/companyZone";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { SupportNav } from "../../../components/office/SupportNav";
import { caseLabel, StatusBadge } from "../../../components/support/CaseThread";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { CaseDesk } from "./CaseDesk";
import { SavedReplies, type SavedReply } from "./SavedReplies";
import { RoutingSettings } from "./RoutingSettings";
import { SlaSettings } from "./SlaSettings";
import { WidgetSettings } from "./WidgetSettings";
import { QueueTimer } from "./SlaTimer";
import "./support.css";

type Summary = components["schemas"]["CaseSummaryDto"];
type Choices = components["schemas"]["SupportChoicesDto"];

export interface Filters {
  show: "active" | "all" | string;
  assignee: "" | "mine" | "none";
  priority: string;
  category: string;
}

const activeStatuses = "New,Open,WaitingOnCustomer";

/**
 * The support desk: the company's cases with filters (open ones by default; by status, assignee, priority,
 * category), most recently changed first, and the chosen case ("#{id}") beside them with its whole history, the reply
 * and note boxes and its fields. Cases are not jobs: these are customers' questions and problems.
 */
export function SupportScreen() {
  const cases = useSignal<Summary[] | null>(null);
  const choices = useSignal<Choices | null>(null);
  const me = useSignal("");
  const filters = useSignal<Filters>({ show: "active", assignee: "", priority: "", category: "" });
  const open = useSignal(location.hash.slice(1));
  const saved = useSignal<SavedReply[]>([]);
  // The timers count down on screen; a case's due times come from the server (reloaded after a change or a new SLA).
  const now = useSignal(Date.now());
  const slaSaves = useSignal(0);
  const loadSaved = () => void api.GET("/api/v1/support/canned-replies").then(({ data }) => (saved.value = data ?? []));

  async function load() {
    const f = filters.value;
    const query = {
      status: f.show === "active" ? activeStatuses : f.show === "all" ? undefined : f.show,
      assignee: f.assignee === "mine" ? me.value : f.assignee === "none" ? "none" : undefined,
      priority: f.priority || undefined,
      category: f.category || undefined,
    };
    const { data, response } = await api.GET("/api/v1/support/cases", { params: { query } });
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    cases.value = data ?? [];
  }

  useEffect(() => {
    document.title = t("officeSupport.pageTitle");
    loadCompanyZone();
    void api.GET("/api/v1/support/cases/choices").then(({ data }) => (choices.value = data ?? null));
    void api.GET("/api/v1/auth/me").then(({ data }) => (me.value = data?.email ?? ""));
    loadSaved();
    const follow = () => (open.value = location.hash.slice(1));
    addEventListener("hashchange", follow);
    const tick = setInterval(() => (now.value = Date.now()), 30_000);
    return () => { removeEventListener("hashchange", follow); clearInterval(tick); };
  }, []);
  useEffect(() => void load(), [filters.value, me.value]);

  const set = (change: Partial<Filters>) => (filters.value = { ...filters.value, ...change });
  const zone = companyZone.value;
  return (
    <>
      <OfficeHeader current="support" />
      <SupportNav current="cases" />
      <main class="office-support">
        <section class="card queue" aria-labelledby="queue-title">
          <h2 id="queue-title">{t("officeSupport.queue")}</h2>
          <fieldset class="queue-filters">
            <legend class="visually-hidden">{t("officeSupport.filters")}</legend>
            <label>{t("officeSupport.show")}
              <select value={filters.value.show} onChange={e => set({ show: e.currentTarget.value })}>
                <option value="active">{t("officeSupport.active")}</option>
                <option value="all">{t("officeSupport.all")}</option>
                {choices.value?.fields.statuses.map(s => <option key={s} value={s}>{caseLabel("status", s)}</option>)}
              </select>
            </label>
            <label>{t("officeSupport.assignee")}
              <select value={filters.value.assignee} onChange={e => set({ assignee: e.currentTarget.value as Filters["assignee"] })}>
                <option value="">{t("officeSupport.anyone")}</option>
                <option value="mine">{t("officeSupport.mine")}</option>
                <option value="none">{t("officeSupport.unassigned")}</option>
              </select>
            </label>
            <label>{t("officeSupport.priority")}
              <select value={filters.value.priority} onChange={e => set({ priority: e.currentTarget.value })}>
                <option value="">{t("officeSupport.anyPriority")}</option>
                {choices.value?.fields.priorities.map(p => <option key={p} value={p}>{caseLabel("priority", p)}</option>)}
              </select>
            </label>
            <label>{t("officeSupport.category")}
              <select value={filters.value.category} onChange={e => set({ category: e.currentTarget.value })}>
                <option value="">{t("officeSupport.anyCategory")}</option>
                {choices.value?.fields.categories.map(c => <option key={c} value={c}>{caseLabel("category", c)}</option>)}
              </select>
            </label>
          </fieldset>
          {cases.value === null && <p class="muted">{t("common.loading")}</p>}
          {cases.value?.length === 0 && <p class="muted">{t("officeSupport.empty")}</p>}
          <ul class="case-list">
            {cases.value?.map(c => (
              <li key={c.id} class="case-row" aria-current={c.id === open.value ? "true" : undefined}>
                <a href={`#${c.id}`}>
                  <strong>{c.displayNumber}</strong>
                  <span class="case-subject">{c.subject}</span>
                  <StatusBadge status={c.status} />
                  <QueueTimer c={c} now={now.value} zone={zone} />
                  <span class="case-when muted">
                    {caseLabel("priority", c.priority)} · {c.assigneeEmail ?? t("officeSupport.unassigned")} · <When at={c.updatedAt} zone={zone} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <SavedReplies replies={saved.value} onChanged={loadSaved} />
          <SlaSettings onSaved={() => { slaSaves.value++; void load(); }} />
          <RoutingSettings onSaved={() => void load()} />
          <WidgetSettings />
        </section>
        {open.value
          ? <CaseDesk key={`${open.value}:${slaSaves.value}`} caseId={open.value} now={now.value} team={choices.value?.team ?? []} saved={saved.value} zone={zone} onChanged={() => void load()} />
          : <section class="card case-desk"><p class="muted">{t("officeSupport.choose")}</p></section>}
      </main>
    </>
  );
}
