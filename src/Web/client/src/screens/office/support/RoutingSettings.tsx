import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { caseLabel } from "../../../components/support/CaseThread";
import { t } from "../../../i18n/i18n";

type Routing = components["schemas"]["RoutingSettingsDto"];
type Agent = components["schemas"]["AgentRoutingDto"];

const categories = ["Question", "Scheduling", "Billing", "Quality", "Equipment", "Other"] as const;

/**
 * Automatic assignment, folded under the queue (and what a chat message does while nobody of the team is online): on or off, and per member of the team what they handle (nothing ticked:
 * everything) and whether they take new cases now, beside how many cases they hold. The routing picks a specialist of
 * the case's category, else someone who handles everything; the fewest cases in hand first, then in turn.
 */
export function RoutingSettings({ onSaved }: { onSaved: () => void }) {
  const routing = useSignal<Routing | null>(null);
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);
  useEffect(() => void api.GET("/api/v1/support/routing").then(({ data }) => (routing.value = data ?? null)), []);

  const setAgent = (email: string, change: Partial<Agent>) =>
    (routing.value = { ...routing.value!, agents: routing.value!.agents.map(a => (a.email === email ? { ...a, ...change } : a)) });
  const toggle = (agent: Agent, category: string, on: boolean) =>
    setAgent(agent.email, { categories: on ? [...agent.categories, category] : agent.categories.filter(c => c !== category) });

  async function save(event: Event) {
    event.preventDefault();
    const r = routing.value!;
    busy.value = true;
    const answer = await outcome(api.PUT("/api/v1/support/routing", {
      body: { enabled: r.enabled, offlineChatToCase: r.offlineChatToCase, agents: r.agents.map(a => ({ email: a.email, categories: a.categories, takesCases: a.takesCases })) },
    }));
    busy.value = false;
    message.value = answer.ok ? { ok: true, text: t("officeSupport.saved") } : { ok: false, text: answer.problem };
    if (answer.ok) { routing.value = answer.data; onSaved(); }
  }

  const r = routing.value;
  return (
    <details class="sla-settings routing-settings">
      <summary>{t("officeSupport.routing.settings")}</summary>
      {!r ? <p class="muted">{t("common.loading")}</p> : (
        <form class="case-form" onSubmit={save}>
          <label class="check">
            <input type="checkbox" checked={r.enabled} onChange={e => (routing.value = { ...r, enabled: e.currentTarget.checked })} /> {t("officeSupport.routing.enabled")}
          </label>
          <p class="muted">{t("officeSupport.routing.intro")}</p>
          <label class="check">
            <input type="checkbox" checked={r.offlineChatToCase} onChange={e => (routing.value = { ...r, offlineChatToCase: e.currentTarget.checked })} />
            {" "}{t("officeSupport.routing.offlineChat")}
          </label>
          {r.agents.map(agent => (
            <fieldset key={agent.email} class="routing-agent" disabled={!r.enabled}>
              <legend>{agent.email}</legend>
              <p class="muted">{t("officeSupport.routing.holds", { count: agent.openCases })}</p>
              <label class="check">
                <input type="checkbox" checked={agent.takesCases} onChange={e => setAgent(agent.email, { takesCases: e.currentTarget.checked })} />
                {" "}{t("officeSupport.routing.takesCases")}
              </label>
              <div class="routing-categories" role="group" aria-label={t("officeSupport.routing.handlesFor", { email: agent.email })}>
                {categories.map(c => (
                  <label key={c} class="check">
                    <input type="checkbox" checked={agent.categories.includes(c)} onChange={e => toggle(agent, c, e.currentTarget.checked)} /> {caseLabel("category", c)}
                  </label>
                ))}
              </div>
              {agent.categories.length === 0 && <p class="muted">{t("officeSupport.routing.everything")}</p>}
            </fieldset>
          ))}
          <div class="actions"><button type="submit" class="primary" disabled={busy.value}>{t("officeSupport.routing.save")}</button></div>
          {message.value && <p class={message.value.ok ? "notice" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
        </form>
      )}
    </details>
  );
}
