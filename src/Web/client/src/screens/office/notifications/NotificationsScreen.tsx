import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import type { Channel, Trigger } from "../../../components/notifications/labels";
import { t } from "../../../i18n/i18n";
import { CompanyPhoneForm } from "./CompanyPhoneForm";
import { TemplateEditor } from "./TemplateEditor";
import { TriggerList } from "./TriggerList";
import { channelsOf, hashOf, selectionFromHash, templateOf, type Selection, type Settings, type Template, type Variable } from "./types";
import "./notifications.css";

/**
 * The company's messages: every moment (trigger) with its switch per channel, one template open for editing with a live
 * preview, and the variables it may use. On a phone the parts stack, and picking a moment scrolls to its editor.
 */
export function NotificationsScreen() {
  const settings = useSignal<Settings | null>(null);
  const variables = useSignal<Variable[]>([]);
  const selection = useSignal<Selection | null>(null);
  const error = useSignal("");
  const phone = useSignal<string | null>(null);

  async function load() {
    const [templates, catalogue] = await Promise.all([
      api.GET("/api/v1/dispatch/notifications/templates"),
      api.GET("/api/v1/dispatch/notifications/variables"),
    ]);
    if (templates.response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname + location.hash); return; }
    if (!templates.data || !catalogue.data) { error.value = t("messages.loadFailed"); return; }
    settings.value = templates.data;
    variables.value = catalogue.data.variables;
    selection.value = selectionFromHash(location.hash, templates.data);
  }

  useEffect(() => { document.title = t("messages.pageTitle"); void load(); }, []);

  function select(next: Selection) {
    selection.value = next;
    history.replaceState(null, "", hashOf(next));
  }

  function selectTrigger(trigger: Trigger) {
    const current = selection.value!;
    const offered = channelsOf(settings.value!, trigger);
    select({ trigger, channel: offered.includes(current.channel) ? current.channel : offered[0]!, language: current.language });
    if (matchMedia("(max-width: 760px)").matches) document.getElementById("editor-title")?.scrollIntoView({ block: "start" });
  }

  async function toggle(trigger: Trigger, channel: Channel, enabled: boolean) {
    const { data, response } = await api.PUT("/api/v1/dispatch/notifications/triggers/{trigger}/{channel}", { params: { path: { trigger, channel } }, body: { enabled } });
    if (!data) { error.value = t("messages.switchFailed", { status: response.status }); return; }
    error.value = "";
    const current = settings.value!;
    settings.value = {
      switches: current.switches.map(s => (s.trigger === trigger && s.channel === channel ? data : s)),
      templates: current.templates.map(x => (x.trigger === trigger && x.channel === channel ? { ...x, enabled: data.enabled } : x)),
    };
  }

  function changed(template: Template) {
    const current = settings.value!;
    settings.value = { ...current, templates: current.templates.map(x => (x.trigger === template.trigger && x.channel === template.channel && x.language === template.language ? template : x)) };
  }

  const s = settings.value;
  const open = s && selection.value ? templateOf(s, selection.value) : undefined;
  return (
    <>
      <OfficeHeader current="messages" />
      <main class="notifications">
        <div class="notifications-head">
          <h2>{t("messages.title")}</h2>
          <p class="muted">{t("messages.intro")}</p>
          <p class="error" role="alert">{error.value}</p>
          <CompanyPhoneForm onSaved={saved => (phone.value = saved)} />
        </div>
        {s && selection.value && open && (
          <>
            <TriggerList settings={s} selected={selection.value.trigger} onSelect={selectTrigger} onSwitch={(trigger, channel, enabled) => void toggle(trigger, channel, enabled)} />
            <TemplateEditor key={hashOf(selection.value)} companyPhone={phone.value} settings={s} selection={selection.value} template={open} variables={variables.value} onSelect={select} onChanged={changed} />
          </>
        )}
      </main>
    </>
  );
}
