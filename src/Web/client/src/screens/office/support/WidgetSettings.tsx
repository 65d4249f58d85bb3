import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";

type Settings = components["schemas"]["WidgetSettingsDto"];

/**
 * The website widget, folded under the queue: the script tag to put on the company's site, the websites allowed to
 * show it, and the identity secret the site signs its signed-in customers' emails with (rotatable).
 */
export function WidgetSettings() {
  const settings = useSignal<Settings | null>(null);
  const origins = useSignal("");
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);

  const show = (s: Settings) => {
    settings.value = s;
    origins.value = s.allowedOrigins.join("\n");
  };
  useEffect(() => { void api.GET("/api/v1/support/widget").then(({ data }) => data && show(data)); }, []);

  async function save(event: Event) {
    event.preventDefault();
    message.value = null;
    busy.value = true;
    const answer = await outcome(api.PUT("/api/v1/support/widget/origins", {
      body: { allowedOrigins: origins.value.split(/[\s,]+/).filter(Boolean) },
    }));
    busy.value = false;
    if (!answer.ok) { message.value = { ok: false, text: answer.problem }; return; }
    show(answer.data);
    message.value = { ok: true, text: t("officeSupport.saved") };
  }

  async function rotate() {
    if (!confirm(t("officeSupport.widget.rotateConfirm"))) return;
    const answer = await outcome(api.POST("/api/v1/support/widget/secret"));
    if (!answer.ok) { message.value = { ok: false, text: answer.problem }; return; }
    show(answer.data);
    message.value = { ok: true, text: t("officeSupport.widget.rotated") };
  }

  const s = settings.value;
  const tag = s ? `<script src="${location.origin}${s.scriptPath}" data-company="${s.tenantId}" async></script>` : "";
  return (
    <details class="widget-settings">
      <summary>{t("officeSupport.widget.settings")}</summary>
      {!s ? <p class="muted">{t("common.loading")}</p> : (
        <form class="case-form" onSubmit={save}>
          <p class="muted">{t("officeSupport.widget.intro")}</p>
          <label>{t("officeSupport.widget.script")}
            <textarea readOnly rows={4} value={tag} onFocus={e => e.currentTarget.select()} />
          </label>
          <div class="actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(tag).then(() => (message.value = { ok: true, text: t("officeSupport.widget.copied") }))}>
              {t("officeSupport.widget.copy")}
            </button>
          </div>
          <label>{t("officeSupport.widget.origins", { max: s.maxOrigins })}
            <textarea rows={4} value={origins.value} maxLength={6000} spellcheck={false} onInput={e => (origins.value = e.currentTarget.value)} />
          </label>
          <div class="actions"><button type="submit" class="primary" disabled={busy.value}>{t("officeSupport.widget.saveOrigins")}</button></div>
          <label>{t("officeSupport.widget.secret")}
            <input readOnly value={s.identitySecret} spellcheck={false} onFocus={e => e.currentTarget.select()} />
          </label>
          <p class="muted">{t("officeSupport.widget.secretHelp")}</p>
          <div class="actions"><button type="button" onClick={() => void rotate()}>{t("officeSupport.widget.rotate")}</button></div>
          {message.value && <p class={message.value.ok ? "notice" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
        </form>
      )}
    </details>
  );
}
