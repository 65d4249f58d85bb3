import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { PropertyCard } from "./PropertyCard";

type Property = components["schemas"]["PropertyDto"];

/** The properties this contact may see, with their equipment and history. */
export function PropertiesSection() {
  const properties = useSignal<Property[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    void api.GET("/api/v1/portal/properties").then(({ data }) => {
      failed.value = !data;
      properties.value = data ?? null;
    });
  }, []);
  return (
    <section class="properties" aria-labelledby="properties-title">
      <h2 id="properties-title" tabIndex={-1}>{t("portal.properties.title")}</h2>
      {properties.value === null && !failed.value && <p class="muted">{t("common.loading")}</p>}
      {failed.value && <p class="error" role="alert">{t("portal.loadFailed")}</p>}
      {properties.value?.length === 0 && <p class="muted">{t("portal.properties.none")}</p>}
      {properties.value?.map(p => <PropertyCard key={p.id} property={p} />)}
    </section>
  );
}
