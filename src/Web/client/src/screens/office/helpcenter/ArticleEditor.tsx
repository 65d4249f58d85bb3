import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome, type Outcome } from "../../../api/client";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { ArticleFields, type ArticleText } from "./ArticleFields";
import { type Article, categoryPath, categoryTree, type FieldErrors, type HelpCenter, type Translation } from "./helpTypes";

const noText: ArticleText = { title: "", summary: "", body: "" };
const textOf = (translation?: Translation): ArticleText =>
  translation ? { title: translation.draft.title, summary: translation.draft.summary ?? "", body: translation.draft.body } : noText;
const same = (a: ArticleText, b: ArticleText) => a.title === b.title && a.summary === b.summary && a.body === b.body;

/**
 * One article on the team's desk, a tab per language (its translations first; "Add translation" starts another): the
 * draft's title, summary and Markdown text, saved as a draft, published as the next version, or taken off the help
 * center; its published versions, any earlier one restorable (published again as the next version). Edits are kept per
 * language until saved, so moving between tabs loses nothing.
 */
export function ArticleEditor({ articleId, help, zone, onChanged }: { articleId: string; help: HelpCenter; zone: string; onChanged: () => void }) {
  const found = useSignal<Article | "loading" | "missing">("loading");
  const current = useSignal("");
  const added = useSignal<string | null>(null);
  const edits = useSignal<Record<string, ArticleText>>({});
  const errors = useSignal<FieldErrors>({});
  const progress = useSignal("");
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void api.GET("/api/v1/support/help/articles/{articleId}", { params: { path: { articleId } } }).then(({ data }) => {
      if (!data) { found.value = "missing"; return; }
      found.value = data;
      current.value = data.translations[0]?.language ?? "en";
      // On a phone the editor is below the list: bring it into view, and tell a screen reader where they are.
      requestAnimationFrame(() => heading.current?.focus());
    });
  }, [articleId]);

  const article = found.value;
  if (article === "loading") return <section class="card help-editor"><p class="muted">{t("helpCenter.loading")}</p></section>;
  if (article === "missing") return <section class="card help-editor"><p class="error" role="alert">{t("helpCenter.notFound")}</p></section>;

  const lang = current.value;
  const translation = article.translations.find(tr => tr.language === lang);
  const saved = textOf(translation);
  const text = edits.value[lang] ?? saved;
  const dirty = !translation || !same(text, saved);
  const tabs = [...article.translations.map(tr => tr.language), ...(added.value && !translation && added.value === lang ? [lang] : [])];
  const others = help.languages.filter(l => !tabs.includes(l.code));
  const languageOf = (code: string) => help.languages.find(l => l.code === code);
  const path = { params: { path: { articleId, language: lang } } };

  /** Runs one change, showing its progress; the answer replaces the article, or its problem is shown by its fields. */
  async function act(doing: string, call: () => Promise<Outcome<Article>>, done?: (a: Article) => string): Promise<Article | null> {
    progress.value = doing;
    message.value = null;
    errors.value = {};
    const answer = await call();
    progress.value = "";
    if (!answer.ok) {
      errors.value = answer.fields;
      const named = ["title", "summary", "body"].some(f => answer.fields[f]);
      message.value = { ok: false, text: named ? t("helpCenter.fixFields") : answer.problem };
      return null;
    }
    found.value = answer.data;
    const { [lang]: _, ...rest } = edits.value;
    edits.value = rest;
    if (done) message.value = { ok: true, text: done(answer.data) };
    onChanged();
    return answer.data;
  }

  const saveDraft = () => act(t("helpCenter.saving"), () => outcome(api.PUT("/api/v1/support/help/articles/{articleId}/{language}/draft",
    { ...path, body: { title: text.title, summary: text.summary.trim() ? text.summary : null, body: text.body } })), () => t("helpCenter.saved"));

  async function publish() {
    if (dirty && !(await saveDraft())) return;
    await act(t("helpCenter.publishing"), () => outcome(api.POST("/api/v1/support/help/articles/{articleId}/{language}/publish", path)),
      a => t("helpCenter.publishedVersion", { version: a.translations.find(tr => tr.language === lang)?.published ?? "" }));
  }

  const unpublish = () => act(t("helpCenter.unpublishing"), () => outcome(api.POST("/api/v1/support/help/articles/{articleId}/{language}/unpublish", path)),
    () => t("helpCenter.unpublished"));

  const restore = (version: number) => act(t("helpCenter.restoring", { version }),
    () => outcome(api.POST("/api/v1/support/help/articles/{articleId}/{language}/rollback", { ...path, body: { version } })),
    a => t("helpCenter.restored", { restored: version, version: a.translations.find(tr => tr.language === lang)?.published ?? "" }));

  const move = (categoryId: string) => act(t("helpCenter.saving"),
    () => outcome(api.PUT("/api/v1/support/help/articles/{articleId}/category", { params: { path: { articleId } }, body: { categoryId } })), () => t("helpCenter.categoryMoved"));

  function choose(code: string) {
    current.value = code;
    errors.value = {};
    message.value = null;
  }

  function keys(e: KeyboardEvent) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const rtl = document.documentElement.dir === "rtl" ? -1 : 1;
    const next = tabs[(tabs.indexOf(lang) + step * rtl + tabs.length) % tabs.length]!;
    choose(next);
    requestAnimationFrame(() => document.getElementById(`help-tab-${next}`)?.focus());
  }

  const busy = progress.value !== "";
  const versions = [...(translation?.versions ?? [])].reverse();
  return (
    <section class="card help-editor" aria-labelledby="help-editor-heading">
      <h2 id="help-editor-heading" tabIndex={-1} ref={heading}>{article.translations.find(tr => tr.language === lang)?.draft.title ?? article.translations[0]?.draft.title}</h2>
      <label class="inline">{t("helpCenter.category")}
        <select value={article.categoryId} disabled={busy} onChange={e => void move(e.currentTarget.value)}>
          {categoryTree(help.categories).map(({ category }) => <option key={category.categoryId} value={category.categoryId}>{categoryPath(help.categories, category.categoryId)}</option>)}
        </select>
      </label>
      <div class="help-tabs">
        <div role="tablist" aria-label={t("helpCenter.translations")} onKeyDown={keys}>
          {tabs.map(code => (
            <button key={code} type="button" role="tab" id={`help-tab-${code}`} aria-selected={code === lang} aria-controls="help-tab-panel"
              tabIndex={code === lang ? 0 : -1} onClick={() => choose(code)}>
              {languageOf(code)?.name ?? code}
            </button>
          ))}
        </div>
        {others.length > 0 && (
          <label class="inline">{t("helpCenter.addTranslation")}
            <select value="" onChange={e => { added.value = e.currentTarget.value; choose(e.currentTarget.value); }}>
              <option value="">{t("helpCenter.chooseLanguage")}</option>
              {others.map(l => <option key={l.code} value={l.code}>{l.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <div id="help-tab-panel" role="tabpanel" aria-labelledby={`help-tab-${lang}`} class="help-panel">
        <p class="help-state">
          {translation?.published ? <span class="badge help-live">{t("helpCenter.state.published", { version: translation.published })}</span>
            : <span class="badge help-off">{t("helpCenter.state.notPublished")}</span>}
          {" "}
          {!translation ? t("helpCenter.newTranslation")
            : edits.value[lang] && dirty ? <strong>{t("helpCenter.state.unsaved")}</strong>
            : translation.hasUnpublishedChanges ? t("helpCenter.state.changes") : t("helpCenter.state.upToDate")}
        </p>
        {translation && <p class="muted help-saved-by">{t("helpCenter.draftSaved", { who: translation.draftSavedBy })}, <When at={translation.draftSavedAt} zone={zone} /></p>}
        <form class="help-form" onSubmit={e => { e.preventDefault(); void saveDraft(); }}>
          <ArticleFields id="help-edit" text={text} errors={errors.value} dir={languageOf(lang)?.rightToLeft ? "rtl" : "ltr"}
            onChange={changed => (edits.value = { ...edits.value, [lang]: changed })} />
          <div class="actions">
            <button type="submit" disabled={busy || !dirty}>{t("helpCenter.saveDraft")}</button>
            <button type="button" class="primary" disabled={busy || (!dirty && !translation?.hasUnpublishedChanges)} onClick={() => void publish()}>{t("helpCenter.publish")}</button>
            {translation?.published && <button type="button" disabled={busy} onClick={() => void unpublish()}>{t("helpCenter.unpublish")}</button>}
            {translation?.publicPath && (
              <a class="help-view" href={translation.publicPath} target="_blank" rel="noopener">
                {t("helpCenter.view")} <span class="visually-hidden">{t("helpCenter.opensNewTab")}</span>
              </a>
            )}
          </div>
        </form>
        <p class="notice" role="status">{progress.value || (message.value?.ok ? message.value.text : "")}</p>
        {message.value && !message.value.ok && <p class="error" role="alert">{message.value.text}</p>}
        <h3>{t("helpCenter.versions")}</h3>
        {versions.length === 0 && <p class="muted">{t("helpCenter.noVersions")}</p>}
        <ol class="help-versions">
          {versions.map(v => (
            <li key={v.number} class="help-version">
              <span><strong>{t("helpCenter.version", { version: v.number })}</strong> {t("helpCenter.versionBy", { who: v.publishedBy })} · <When at={v.publishedAt} zone={zone} /></span>
              {v.number === translation?.published
                ? <span class="badge help-live">{t("helpCenter.live")}</span>
                : <button type="button" disabled={busy} aria-label={t("helpCenter.restoreVersion", { version: v.number })} onClick={() => void restore(v.number)}>{t("helpCenter.restore")}</button>}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
