import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { language, t } from "../../i18n/i18n";

type Suggestion = components["schemas"]["HelpSuggestionDto"];

/** How long typing must pause before the help center is asked: one search per thought, not per key. */
const pauseMs = 300;

/**
 * While a customer writes a new case's subject, the help center's articles that may already answer it. Each opens on
 * the public help center in a new tab; "This answered my question" counts a case not opened and ends the form.
 */
export function CaseSuggestions({ subject, onAnswered }: { subject: string; onAnswered: () => void }) {
  const found = useSignal<Suggestion[]>([]);
  const problem = useSignal("");
  useEffect(() => {
    const q = subject.trim();
    if (q.length < 3) { found.value = []; return; }
    let current = true;
    const timer = setTimeout(() => {
      void api.GET("/api/v1/portal/help/suggestions", { params: { query: { q, language: language.value } } })
        .then(({ data }) => { if (current) found.value = data ?? []; });
    }, pauseMs);
    return () => { current = false; clearTimeout(timer); };
  }, [subject]);

  async function answered(s: Suggestion) {
    const { response } = await api.POST("/api/v1/portal/help/deflections", { body: { articleId: s.articleId, language: s.language } });
    if (response.ok) onAnswered();
    else problem.value = t("support.suggestionFailed");
  }

  if (found.value.length === 0) return null;
  return (
    <aside class="case-suggestions" aria-labelledby="suggestions-title" aria-live="polite">
      <h3 id="suggestions-title">{t("support.suggestions")}</h3>
      <ul>
        {found.value.map(s => (
          <li key={s.articleId}>
            <a href={s.url} target="_blank" rel="noopener">{s.title}</a>
            <p class="muted">{s.description}</p>
            <button type="button" onClick={() => void answered(s)} aria-label={t("support.answeredBy", { title: s.title })}>{t("support.answered")}</button>
          </li>
        ))}
      </ul>
      {problem.value && <p class="error" role="alert">{problem.value}</p>}
    </aside>
  );
}
