import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { type Category, categoryName, categoryTree, describedBy, FieldError, type FieldErrors, type HelpCenter } from "./helpTypes";

interface Names { en: string; pt: string }

const namesBody = (names: Names) => [
  { language: "en", name: names.en },
  ...(names.pt.trim() ? [{ language: "pt", name: names.pt }] : []),
];

/**
 * The help center's categories as readers meet them (each top-level one with its subcategories under it): add one
 * (named in English, and in Portuguese if wanted), rename one in place, remove an empty one (the API says why not
 * while it holds articles or subcategories).
 */
export function CategoriesPanel({ help, onChanged }: { help: HelpCenter; onChanged: () => void }) {
  const adding = useSignal<Names & { parentId: string }>({ en: "", pt: "", parentId: "" });
  const renaming = useSignal<{ categoryId: string } & Names | null>(null);
  const errors = useSignal<FieldErrors>({});
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);
  // Open at first while there is no category (nothing else can be done yet); then as the reader leaves it.
  const showAdd = useSignal(help.categories.length === 0);

  async function run(call: () => Promise<{ ok: true } | { ok: false; problem: string; fields: FieldErrors }>, done: string, after?: () => void) {
    busy.value = true;
    message.value = null;
    errors.value = {};
    const answer = await call();
    busy.value = false;
    if (!answer.ok) { errors.value = answer.fields; message.value = { ok: false, text: answer.problem }; return; }
    after?.();
    message.value = { ok: true, text: done };
    onChanged();
  }

  const add = (e: Event) => {
    e.preventDefault();
    const a = adding.value;
    void run(() => outcome(api.POST("/api/v1/support/help/categories", { body: { parentId: a.parentId || null, names: namesBody(a), position: null } })),
      t("helpCenter.categoryAdded", { name: a.en.trim() }), () => (adding.value = { en: "", pt: "", parentId: a.parentId }));
  };

  const rename = (e: Event, category: Category) => {
    e.preventDefault();
    const r = renaming.value!;
    void run(() => outcome(api.PUT("/api/v1/support/help/categories/{categoryId}", {
      params: { path: { categoryId: category.categoryId } },
      body: { parentId: category.parentId ?? null, names: namesBody(r), position: category.position },
    })), t("helpCenter.categoryRenamed"), () => (renaming.value = null));
  };

  const remove = (category: Category) =>
    void run(() => outcome(api.DELETE("/api/v1/support/help/categories/{categoryId}", { params: { path: { categoryId: category.categoryId } } })),
      t("helpCenter.categoryRemoved", { name: categoryName(category) }));

  const count = (categoryId: string) => help.articles.filter(a => a.categoryId === categoryId).length;
  const nameErrors = (field: "en" | "pt") => errors.value[`names[${field === "en" ? 0 : 1}].name`];
  const tops = help.categories.filter(c => !c.parentId);
  return (
    <section class="card help-categories" aria-labelledby="help-categories-title">
      <h2 id="help-categories-title">{t("helpCenter.categories")}</h2>
      {help.categories.length === 0 && <p class="muted">{t("helpCenter.noCategories")}</p>}
      <ul class="help-category-list">
        {categoryTree(help.categories).map(({ category, depth }) => (
          <li key={category.categoryId} class={depth ? "help-category sub" : "help-category"}>
            {renaming.value?.categoryId === category.categoryId
              ? (
                <form class="help-form help-rename" onSubmit={e => rename(e, category)}>
                  <label>{t("helpCenter.nameEn")}
                    <input value={renaming.value.en} maxLength={80} onInput={e => (renaming.value = { ...renaming.value!, en: e.currentTarget.value })} />
                  </label>
                  <label>{t("helpCenter.namePt")}
                    <input value={renaming.value.pt} maxLength={80} onInput={e => (renaming.value = { ...renaming.value!, pt: e.currentTarget.value })} />
                  </label>
                  <div class="actions">
                    <button type="submit" class="primary" disabled={busy.value || !renaming.value.en.trim()}>{t("helpCenter.save")}</button>
                    <button type="button" onClick={() => (renaming.value = null)}>{t("helpCenter.cancel")}</button>
                  </div>
                </form>
              )
              : (
                <>
                  <span class="help-category-name">{categoryName(category)}</span>
                  <span class="muted">{t(count(category.categoryId) === 1 ? "helpCenter.articleCount.one" : "helpCenter.articleCount.other", { count: count(category.categoryId) })}</span>
                  <span class="help-row-actions">
                    <button type="button" class="link" aria-label={t("helpCenter.renameCategory", { name: categoryName(category) })}
                      onClick={() => (renaming.value = { categoryId: category.categoryId, en: category.names.en ?? "", pt: category.names.pt ?? "" })}>
                      {t("helpCenter.rename")}
                    </button>
                    <button type="button" class="link" disabled={busy.value} aria-label={t("helpCenter.removeCategory", { name: categoryName(category) })}
                      onClick={() => remove(category)}>
                      {t("helpCenter.remove")}
                    </button>
                  </span>
                </>
              )}
          </li>
        ))}
      </ul>
      <p class="notice" role="status">{message.value?.ok ? message.value.text : ""}</p>
      {message.value && !message.value.ok && <p class="error" role="alert">{message.value.text}</p>}
      <details class="help-add-category" open={showAdd.value} onToggle={e => (showAdd.value = e.currentTarget.open)}>
        <summary>{t("helpCenter.addCategory")}</summary>
        <form class="help-form" onSubmit={add}>
          <div class="field">
            <label for="help-category-en">{t("helpCenter.nameEn")}</label>
            <input id="help-category-en" value={adding.value.en} maxLength={80} {...describedBy("help-category-en-error", nameErrors("en"))}
              onInput={e => (adding.value = { ...adding.value, en: e.currentTarget.value })} />
            <FieldError id="help-category-en-error" messages={nameErrors("en")} />
          </div>
          <div class="field">
            <label for="help-category-pt">{t("helpCenter.namePt")}</label>
            <input id="help-category-pt" value={adding.value.pt} maxLength={80} {...describedBy("help-category-pt-error", nameErrors("pt"))}
              onInput={e => (adding.value = { ...adding.value, pt: e.currentTarget.value })} />
            <FieldError id="help-category-pt-error" messages={nameErrors("pt")} />
          </div>
          {tops.length > 0 && (
            <label>{t("helpCenter.parent")}
              <select value={adding.value.parentId} onChange={e => (adding.value = { ...adding.value, parentId: e.currentTarget.value })}>
                <option value="">{t("helpCenter.topLevel")}</option>
                {tops.map(c => <option key={c.categoryId} value={c.categoryId}>{categoryName(c)}</option>)}
              </select>
            </label>
          )}
          <div class="actions"><button type="submit" disabled={busy.value || !adding.value.en.trim()}>{t("helpCenter.add")}</button></div>
        </form>
      </details>
    </section>
  );
}
