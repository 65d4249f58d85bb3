import { t } from "../../../i18n/i18n";
import type { Trigger } from "../../../components/notifications/labels";
import type { Variable } from "./types";

/** The variables the open trigger offers; clicking one writes it into the field the cursor was last in. */
export function VariableCatalogue({ variables, trigger, onInsert }: { variables: Variable[]; trigger: Trigger; onInsert: (name: string) => void }) {
  const offered = variables.filter(v => v.triggers.includes(trigger));
  return (
    <section class="card variables" aria-labelledby="variables-title">
      <h2 id="variables-title">{t("messages.variables")}</h2>
      <p class="muted">{t("messages.variablesHelp")}</p>
      <ul>
        {offered.map(v => (
          <li key={v.name}>
            <button type="button" aria-label={t("messages.insertNamed", { name: v.name })} title={v.example} onClick={() => onInsert(v.name)}>
              <code>{v.name}</code>
            </button>
            <span class="muted">{v.meaning}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
