import { useSignal } from "@preact/signals";
import { api } from "../../../api/client";
import { SearchBox } from "../../../components/SearchBox";
import { t } from "../../../i18n/i18n";
import type { Suggestion } from "./types";

/**
 * An address typed and chosen from the offline geocoder's suggestions, so nobody types a latitude and longitude.
 * Says so when the company's map has no addresses to suggest.
 */
export function AddressSearch({ id, onPick }: { id: string; onPick: (s: Suggestion) => void }) {
  const unavailable = useSignal(false);

  async function search(q: string): Promise<Suggestion[] | null> {
    const { data } = await api.GET("/api/v1/geocode", { params: { query: { q, limit: 8 } } });
    if (!data) return null;
    unavailable.value = !data.available;
    return data.suggestions;
  }

  return (
    <SearchBox id={id} label={t("office.customers.address")} search={search} text={s => s.label} onPick={onPick}>
      {unavailable.value && <p class="muted">{t("office.customers.noGeocoder")}</p>}
    </SearchBox>
  );
}
