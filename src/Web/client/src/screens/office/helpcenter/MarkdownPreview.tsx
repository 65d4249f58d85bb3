import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api } from "../../../api/client";
import { t } from "../../../i18n/i18n";

/**
 * The text as the public help center will show it, folded until asked for. The HTML comes from the server, which
 * renders and sanitizes Markdown exactly as it does for published articles (HelpMarkdown); nothing is rendered here.
 * Asked again a moment after typing stops; an answer overtaken by a newer one is dropped.
 */
export function MarkdownPreview({ body, dir }: { body: string; dir?: "rtl" | "ltr" }) {
  const open = useSignal(false);
  const html = useSignal("");
  const asked = useRef(0);

  useEffect(() => {
    if (!open.value) return;
    const timer = setTimeout(() => {
      const mine = ++asked.current;
      void api.POST("/api/v1/support/help/preview", { body: { body } }).then(({ data }) => {
        if (data && mine === asked.current) html.value = data.html;
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [open.value, body]);

  return (
    <details class="help-preview" onToggle={e => (open.value = e.currentTarget.open)}>
      <summary>{t("helpCenter.preview")}</summary>
      <div class="help-preview-body" dir={dir} dangerouslySetInnerHTML={{ __html: html.value }} />
    </details>
  );
}
