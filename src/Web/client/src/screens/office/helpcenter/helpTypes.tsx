import type { components } from "../../../api/schema";
import { language } from "../../../i18n/i18n";

export type HelpCenter = components["schemas"]["HelpCenterDto"];
export type Category = components["schemas"]["HelpCategoryDto"];
export type ArticleSummary = components["schemas"]["HelpArticleSummaryDto"];
export type Article = components["schemas"]["HelpArticleDto"];
export type Translation = components["schemas"]["HelpTranslationDto"];
export type HelpLanguage = components["schemas"]["HelpLanguageDto"];
export type Miss = components["schemas"]["HelpSearchMissDto"];

/** The field errors of a ProblemDetails, by field name as the API names them ("title", "names[0].name"). */
export type FieldErrors = Record<string, string[]>;

/** Text by language code in the reader's language, else English, else the first there is. */
export function inLanguage(texts: Record<string, string>): string {
  return texts[language.value] ?? texts.en ?? Object.values(texts)[0] ?? "";
}

export const categoryName = (category: Category): string => inLanguage(category.names);

/** The categories in the order a reader meets them: each top-level one followed by its subcategories. */
export function categoryTree(categories: Category[]): { category: Category; depth: 0 | 1 }[] {
  return categories.filter(c => !c.parentId).flatMap(top => [
    { category: top, depth: 0 as const },
    ...categories.filter(c => c.parentId === top.categoryId).map(category => ({ category, depth: 1 as const })),
  ]);
}

/** The category's name with its parent's ("Heating › Boilers"), as a select or a list shows it out of its tree. */
export function categoryPath(categories: Category[], categoryId: string): string {
  const category = categories.find(c => c.categoryId === categoryId);
  if (!category) return "";
  const parent = categories.find(c => c.categoryId === category.parentId);
  return parent ? `${categoryName(parent)} › ${categoryName(category)}` : categoryName(category);
}

/** A field's messages from the API, next to the field, named by it (aria-describedby) for screen readers. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? <span id={id} class="error field-error">{messages.join(" ")}</span> : null;
}

/** The aria props that tie a field to its error, when there is one. */
export function describedBy(id: string, messages?: string[]): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return messages?.length ? { "aria-invalid": true, "aria-describedby": id } : {};
}

export const upper = (codes: readonly string[]): string => codes.map(c => c.toUpperCase()).join(", ");

