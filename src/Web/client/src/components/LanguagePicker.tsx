import { language, languages, setLanguage, t } from "../i18n/i18n";

/** A select of the languages we have; the choice is kept in this browser. */
export function LanguagePicker() {
  return (
    <span class="language-picker">
      <label for="language" class="visually-hidden">{t("common.language")}</label>
      <select id="language" value={language.value} onChange={e => setLanguage((e.currentTarget as HTMLSelectElement).value)}>
        {languages.map(l => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
      </select>
    </span>
  );
}
