import { t } from "../../../i18n/i18n";
import { conditionColour, conditionLabel, conditions } from "../fleet/status";

/** What the marks on the map mean: the fill is the technician's status, the ring their route's colour. */
export function MapLegend() {
  return (
    <div class="map-legend">
      <ul aria-label={t("dispatch.map.legend")}>
        {conditions.map(condition => (
          <li key={condition}><span class="legend-dot" style={{ "--dot": conditionColour[condition] }} />{conditionLabel(condition)}</li>
        ))}
      </ul>
      <p>{t("dispatch.map.ringMeans")}</p>
    </div>
  );
}
