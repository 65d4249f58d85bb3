import { t } from "../../i18n/i18n";

/** The technician's photo, or a neutral circle with their initial when the company has none. */
export function TechnicianAvatar({ firstName, photoUrl }: { firstName: string; photoUrl?: string | null }) {
  if (photoUrl) return <img class="technician-photo" src={photoUrl} alt={t("appointment.technicianPhoto", { name: firstName })} />;
  return <span class="technician-photo technician-initial" aria-hidden="true">{firstName.charAt(0).toUpperCase()}</span>;
}
