import { t } from "../../../i18n/i18n";
import { conditionColour, conditionLabel, conditions } from "../fleet/status";

/** What the marks on the map mean: the fill is the technician's status, the ring their route's colour; how many are on it. */
export function MapLegend({ onMap }: { onMap: number | null }) {
  return (
    <div class="map-legend">
      <ul aria-label={t("dispatch.map.legend")}>
        {conditions.map(condition => (
          <li key={condition}><span class="legend-dot" style={{ "--dot": conditionColour[condition] }} />{conditionLabel(condition)}</li>
        ))}
      </ul>
      <p>{t("dispatch.map.ringMeans")}</p>
      {onMap !== null && <p class="on-map">{t("dispatch.map.onMap", { count: onMap })}</p>}
    </div>
  );
}
