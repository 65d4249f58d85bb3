import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { companyZone, loadCompanyZone } from "../../../components/office/companyZone";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { SupportNav } from "../../../components/office/SupportNav";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { ArticleEditor } from "./ArticleEditor";
import { CategoriesPanel } from "./CategoriesPanel";
import { type ArticleSummary, categoryPath, categoryTree, type HelpCenter, inLanguage, type Miss, upper } from "./helpTypes";
import { NewArticle } from "./NewArticle";
import { SearchMisses } from "./SearchMisses";
import "./helpcenter.css";

/**
 * The team's help center: its articles by category (which languages are published, which drafts wait), the chosen
 * article's editor ("#{id}", "#new" for a new one), the categories, and what readers searched for without finding
 * anything. What customers read is the public help center, server-rendered (/help/{company}/{language}).
 */
export function HelpCenterScreen() {
  const help = useSignal<HelpCenter | null>(null);
  const misses = useSignal<Miss[] | null>(null);
  const open = useSignal(location.hash.slice(1));
  const filter = useSignal("");

  async function load() {
    const { data, response } = await api.GET("/api/v1/support/help");
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    if (data) help.value = data;
  }

  useEffect(() => {
    document.title = t("helpCenter.pageTitle");
    loadCompanyZone();
    void load();
    void api.GET("/api/v1/support/help/misses").then(({ data }) => (misses.value = data ?? []));
    const follow = () => (open.value = location.hash.slice(1));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);

  const zone = companyZone.value;
  const center = help.value;
  return (
    <>
      <OfficeHeader current="support" />
      <SupportNav current="help" />
      <main class="office-help">
        <section class="card help-articles" aria-labelledby="help-articles-title">
          <div class="help-articles-head">
            <h2 id="help-articles-title">{t("helpCenter.articles")}</h2>
            <a class="button primary" href="#new">{t("helpCenter.newArticle")}</a>
          </div>
          {center === null ? <p class="muted">{t("helpCenter.loading")}</p> : <ArticleList help={center} filter={filter.value} open={open.value} zone={zone}
            onFilter={f => (filter.value = f)} />}
        </section>
        {center === null ? <section class="card help-editor"><p class="muted">{t("helpCenter.loading")}</p></section>
          : open.value === "new" ? <NewArticle help={center} categoryId={filter.value} onCreated={id => { void load(); location.hash = id; }} />
          : open.value ? <ArticleEditor key={open.value} articleId={open.value} help={center} zone={zone} onChanged={() => void load()} />
          : <section class="card help-editor"><p class="muted">{t("helpCenter.choose")}</p></section>}
        {center && <CategoriesPanel help={center} onChanged={() => void load()} />}
        <SearchMisses misses={misses.value} zone={zone} />
      </main>
    </>
  );
}

/** The articles grouped by category in the tree's order, or one category's (with its subcategories'). */
function ArticleList({ help, filter, open, zone, onFilter }: { help: HelpCenter; filter: string; open: string; zone: string; onFilter: (categoryId: string) => void }) {
  const shown = (categoryId: string) => !filter || categoryId === filter || help.categories.find(c => c.categoryId === categoryId)?.parentId === filter;
  const groups = categoryTree(help.categories)
    .map(({ category }) => ({ category, articles: help.articles.filter(a => a.categoryId === category.categoryId) }))
    .filter(g => shown(g.category.categoryId) && g.articles.length > 0);
  return (
    <>
      {help.categories.length > 0 && (
        <label class="help-filter">{t("helpCenter.filterCategory")}
          <select value={filter} onChange={e => onFilter(e.currentTarget.value)}>
            <option value="">{t("helpCenter.allCategories")}</option>
            {categoryTree(help.categories).map(({ category }) => (
              <option key={category.categoryId} value={category.categoryId}>{categoryPath(help.categories, category.categoryId)}</option>
            ))}
          </select>
        </label>
      )}
      {groups.length === 0 && <p class="muted">{help.articles.length === 0 ? t("helpCenter.noArticles") : t("helpCenter.noArticlesHere")}</p>}
      {groups.map(g => (
        <div key={g.category.categoryId} class="help-group">
          <h3>{categoryPath(help.categories, g.category.categoryId)}</h3>
          <ul class="help-article-list">
            {g.articles.map(a => <ArticleRow key={a.articleId} article={a} current={a.articleId === open} zone={zone} />)}
          </ul>
        </div>
      ))}
    </>
  );
}

function ArticleRow({ article, current, zone }: { article: ArticleSummary; current: boolean; zone: string }) {
  return (
    <li class="help-article-row" aria-current={current ? "true" : undefined}>
      <a href={`#${article.articleId}`}>
        <span class="help-article-title">{inLanguage(article.titles) || t("helpCenter.untitled")}</span>
        <span class="help-article-meta">
          {article.published.length > 0
            ? <span class="help-published">{t("helpCenter.publishedIn", { languages: upper(article.published) })}</span>
            : <span class="muted">{t("helpCenter.notPublished")}</span>}
          {article.unpublished.length > 0 && <span class="help-changes">{t("helpCenter.changesIn", { languages: upper(article.unpublished) })}</span>}
          <span class="muted"><When at={article.updatedAt} zone={zone} /></span>
        </span>
      </a>
    </li>
  );
}
