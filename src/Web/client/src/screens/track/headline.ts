import { t } from "../../i18n/i18n";

/** The one sentence at the top of the tracking page, naming the technician when there is one. */
export function headline(status: string, firstName?: string | null): string {
  const name = firstName ?? t("track.yourTechnician");
  switch (status) {
    case "EnRoute": return t("track.headline.enRoute", { name });
    case "OnSite": return t("track.headline.arrived", { name });
    case "Completed": return t("track.headline.completed");
    case "Cancelled": return t("track.headline.cancelled");
    case "Assigned": return t("track.headline.assigned", { name });
    default: return t("track.headline.scheduled");
  }
}
