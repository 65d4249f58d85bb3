import type { components } from "../../api/schema";
import { calendarDay, dateOnly } from "../../components/time";
import { t } from "../../i18n/i18n";
import { zone } from "./session";

type Property = components["schemas"]["PropertyDto"];

/** One property: where, how to get in, what equipment is there, and what happened there (newest first). */
export function PropertyCard({ property: p }: { property: Property }) {
  return (
    <article class="card property" aria-labelledby={`property-${p.id}`}>
      <h3 id={`property-${p.id}`}>{p.name}</h3>
      <p class="muted">{p.address}</p>
      {p.accessNotes && <p>{t("portal.properties.access", { notes: p.accessNotes })}</p>}
      <h4>{t("portal.properties.equipment")}</h4>
      <ul>
        {p.equipment.length === 0 && <li class="muted">{t("portal.properties.noEquipment")}</li>}
        {p.equipment.map((item, i) => (
          <li key={i}>
            {[item.kind, item.makeModel, item.installedOn && t("portal.properties.installed", { day: calendarDay(item.installedOn) }), item.notes].filter(Boolean).join(" · ")}
          </li>
        ))}
      </ul>
      <h4>{t("portal.properties.history")}</h4>
      {p.timeline.length === 0 && <p class="muted">{t("portal.properties.noHistory")}</p>}
      <ul class="timeline">
        {[...p.timeline].reverse().map((entry, i) => (
          <li key={i}>
            <time dateTime={entry.at}>{dateOnly(new Date(entry.at), zone())}</time>
            {entry.text}
          </li>
        ))}
      </ul>
    </article>
  );
}
