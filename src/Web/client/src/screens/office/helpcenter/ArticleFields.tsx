import { t } from "../../../i18n/i18n";
import { describedBy, FieldError, type FieldErrors } from "./helpTypes";
import { MarkdownPreview } from "./MarkdownPreview";

export interface ArticleText { title: string; summary: string; body: string }

/**
 * An article's title, summary and Markdown text in one language, each with the API's message under it (outside the
 * label, so a field's name stays its label). The limits are the server's (HelpArticleRules); the language's direction
 * applies to what is typed (Arabic right to left).
 */
export function ArticleFields({ id, text, errors, dir, onChange }: {
  id: string; text: ArticleText; errors: FieldErrors; dir?: "rtl" | "ltr"; onChange: (text: ArticleText) => void;
}) {
  const set = (change: Partial<ArticleText>) => onChange({ ...text, ...change });
  const hint = `${id}-body-hint`;
  return (
    <>
      <div class="field">
        <label for={`${id}-title`}>{t("helpCenter.title")}</label>
        <input id={`${id}-title`} value={text.title} maxLength={200} dir={dir} {...describedBy(`${id}-title-error`, errors.title)}
          onInput={e => set({ title: e.currentTarget.value })} />
        <FieldError id={`${id}-title-error`} messages={errors.title} />
      </div>
      <div class="field">
        <label for={`${id}-summary`}>{t("helpCenter.summary")}</label>
        <input id={`${id}-summary`} value={text.summary} maxLength={300} dir={dir} {...describedBy(`${id}-summary-error`, errors.summary)}
          onInput={e => set({ summary: e.currentTarget.value })} />
        <FieldError id={`${id}-summary-error`} messages={errors.summary} />
      </div>
      <div class="field">
        <label for={`${id}-body`}>{t("helpCenter.body")}</label>
        <textarea id={`${id}-body`} class="markdown" rows={14} value={text.body} maxLength={50000} dir={dir}
          aria-describedby={errors.body?.length ? `${id}-body-error ${hint}` : hint} aria-invalid={errors.body?.length ? true : undefined}
          onInput={e => set({ body: e.currentTarget.value })} />
        <span id={hint} class="muted hint">{t("helpCenter.bodyHint")}</span>
        <FieldError id={`${id}-body-error`} messages={errors.body} />
      </div>
      <MarkdownPreview body={text.body} dir={dir} />
    </>
  );
}
