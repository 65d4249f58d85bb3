import { language, t } from "../../../i18n/i18n";
import { speedBands } from "./speedBands";
import type { SpeedsLayer, SpeedsState } from "./SpeedsLayer";

/**
 * The learned-speeds layer's switch (off until asked: most of the day a dispatcher looks at people, not streets) and,
 * while it is on, what its colours mean and what it shows: never an empty map without a word why (with nothing learned, only that).
 */
export function SpeedsControl({ layer }: { layer: SpeedsLayer | null }) {
  if (!layer) return null;
  const state = layer.state.value;
  const on = state.kind !== "off";
  return (
    <div class="speeds">
      <button type="button" class="speeds-toggle" aria-pressed={on} onClick={() => layer.show(!on)}>
        {t("dispatch.speeds.toggle")}
      </button>
      {on && (
        <div class="speeds-legend">
          {state.kind !== "noModel" && (
            <>
              <p class="speeds-meaning">{t("dispatch.speeds.meaning")}</p>
              <ul aria-label={t("dispatch.speeds.legend")}>
                {speedBands.map(band => (
                  <li key={band.upTo}><span class="speed-swatch" style={{ "--swatch": band.colour }} />{t(band.label)}</li>
                ))}
              </ul>
            </>
          )}
          <p class="speeds-state" role="status">{stateText(state)}</p>
        </div>
      )}
    </div>
  );
}

function stateText(state: SpeedsState): string {
  switch (state.kind) {
    case "loading": return t("dispatch.speeds.loading");
    case "shown": return t(state.capped ? "dispatch.speeds.capped" : "dispatch.speeds.shown", { count: state.streets.toLocaleString(language.value) });
    case "noModel": return t("dispatch.speeds.noModel");
    case "zoomIn": return t("dispatch.speeds.zoomIn");
    case "failed": return t("dispatch.speeds.failed");
    default: return "";
  }
}
