import { t } from "../../i18n/i18n";
import type { DeviceJob } from "./deviceApi";
import { telUri } from "./navigation";

/** Who the job is for, the person to call and how to get in (gate code, key safe, the dog). */
export function AtTheDoor({ job }: { job: DeviceJob }) {
  const { customer, property } = job;
  const contact = customer?.contactName && customer.contactName !== customer.name ? customer.contactName : null;
  const phone = customer?.phone?.trim();
  const access = property?.accessNotes.trim();
  if (!customer && !property) return null;
  return (
    <div class="door">
      <p class="customer">
        {customer && <strong>{contact ? `${customer.name} · ${contact}` : customer.name}</strong>}
        {property?.name && <span class="muted">{property.name}</span>}
      </p>
      {phone && <a class="button call" href={telUri(phone)}>{t("tech.job.call", { phone })}</a>}
      {access && (
        <div class="access">
          <strong>{t("tech.job.access")}</strong>
          <p>{access}</p>
        </div>
      )}
    </div>
  );
}
