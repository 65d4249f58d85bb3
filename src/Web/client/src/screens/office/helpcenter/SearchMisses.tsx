import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { Miss } from "./helpTypes";

/** What readers searched for on the public help center and found nothing, the most frequent first: what to write next. */
export function SearchMisses({ misses, zone }: { misses: Miss[] | null; zone: string }) {
  return (
    <section class="card help-misses" aria-labelledby="help-misses-title">
      <h2 id="help-misses-title">{t("helpCenter.misses")}</h2>
      <p class="muted">{t("helpCenter.missesIntro")}</p>
      {misses === null && <p class="muted">{t("helpCenter.loading")}</p>}
      {misses?.length === 0 && <p class="muted">{t("helpCenter.noMisses")}</p>}
      {!!misses?.length && (
        <ol class="help-miss-list">
          {misses.map(m => (
            <li key={`${m.language}|${m.query}`}>
              <q lang={m.language}>{m.query}</q>
              <span class="muted">
                {m.language.toUpperCase()} · {t(m.searches === 1 ? "helpCenter.searches.one" : "helpCenter.searches.other", { count: m.searches })} · {t("helpCenter.lastSearched")} <When at={m.lastAt} zone={zone} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
