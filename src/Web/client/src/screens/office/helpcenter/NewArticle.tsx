import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { language, t } from "../../../i18n/i18n";
import { ArticleFields, type ArticleText } from "./ArticleFields";
import { categoryPath, categoryTree, describedBy, FieldError, type FieldErrors, type HelpCenter } from "./helpTypes";

/** A new article's first draft: its category, language, title, summary and text. Created, it opens in the editor ("#{id}"). */
export function NewArticle({ help, categoryId, onCreated }: { help: HelpCenter; categoryId: string; onCreated: (articleId: string) => void }) {
  const category = useSignal(categoryId || (categoryTree(help.categories)[0]?.category.categoryId ?? ""));
  const lang = useSignal(help.languages.some(l => l.code === language.value) ? language.value : "en");
  const text = useSignal<ArticleText>({ title: "", summary: "", body: "" });
  const errors = useSignal<FieldErrors>({});
  const problem = useSignal("");
  const busy = useSignal(false);

  async function create(e: Event) {
    e.preventDefault();
    busy.value = true;
    problem.value = "";
    errors.value = {};
    const answer = await outcome(api.POST("/api/v1/support/help/articles", {
      body: { categoryId: category.value, language: lang.value, title: text.value.title, summary: text.value.summary.trim() ? text.value.summary : null, body: text.value.body },
    }));
    busy.value = false;
    if (answer.ok) { onCreated(answer.data.articleId); return; }
    errors.value = answer.fields;
    problem.value = Object.keys(answer.fields).length > 0 ? t("helpCenter.fixFields") : answer.problem;
  }

  const rightToLeft = help.languages.find(l => l.code === lang.value)?.rightToLeft;
  return (
    <section class="card help-editor" aria-labelledby="help-new-heading">
      <h2 id="help-new-heading">{t("helpCenter.newArticle")}</h2>
      {help.categories.length === 0
        ? <p class="muted">{t("helpCenter.noCategories")}</p>
        : (
          <form class="help-form" onSubmit={create}>
            <div class="field-row">
              <div class="field">
                <label for="help-new-category">{t("helpCenter.category")}</label>
                <select id="help-new-category" value={category.value} {...describedBy("help-new-category-error", errors.value.categoryId)} onChange={e => (category.value = e.currentTarget.value)}>
                  {categoryTree(help.categories).map(({ category: c }) => <option key={c.categoryId} value={c.categoryId}>{categoryPath(help.categories, c.categoryId)}</option>)}
                </select>
                <FieldError id="help-new-category-error" messages={errors.value.categoryId} />
              </div>
              <div class="field">
                <label for="help-new-language">{t("helpCenter.language")}</label>
                <select id="help-new-language" value={lang.value} {...describedBy("help-new-language-error", errors.value.language)} onChange={e => (lang.value = e.currentTarget.value)}>
                  {help.languages.map(l => <option key={l.code} value={l.code}>{l.name}</option>)}
                </select>
                <FieldError id="help-new-language-error" messages={errors.value.language} />
              </div>
            </div>
            <ArticleFields id="help-new" text={text.value} errors={errors.value} dir={rightToLeft ? "rtl" : "ltr"} onChange={changed => (text.value = changed)} />
            <div class="actions"><button type="submit" class="primary" disabled={busy.value}>{busy.value ? t("helpCenter.saving") : t("helpCenter.create")}</button></div>
            {problem.value && <p class="error" role="alert">{problem.value}</p>}
          </form>
        )}
    </section>
  );
}
