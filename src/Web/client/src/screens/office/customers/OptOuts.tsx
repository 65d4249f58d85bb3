import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { channelLabel } from "../../../components/notifications/labels";
import { companyZone } from "../../../components/office/companyZone";
import { When } from "../../../components/time";
import { en, type MessageKey } from "../../../i18n/en";
import { t } from "../../../i18n/i18n";
import type { Overview } from "./types";

type OptOut = components["schemas"]["OptOutDto"];

/** "unsubscribe link", "texted STOP"...; a source this page does not know yet shows as stored. */
function sourceLabel(source: string): string {
  const key = `messages.optOut.source.${source}`;
  return key in en ? t(key as MessageKey) : source;
}

/**
 * The contacts' opt-outs and opt-ins, newest first: who, which address, marketing only or every text, when, and how
 * (an unsubscribe link, the portal's switch, STOP or START). Read again whenever the timeline above is.
 */
export function OptOuts({ overview, refresh }: { overview: Overview; refresh: unknown }) {
  const changes = useSignal<OptOut[] | null>(null);
  const customerId = overview.customer.id;
  useEffect(() => {
    void (async () => {
      const { data } = await api.GET("/api/v1/customers/{customerId}/communications/opt-outs", { params: { path: { customerId } } });
      if (data) changes.value = data;
    })();
  }, [customerId, refresh]);

  const contacts = new Map(overview.customer.contacts.map(c => [c.id, c.name]));
  const zone = companyZone.value;
  return (
    <div class="opt-outs">
      <h3>{t("messages.optOuts")}</h3>
      {changes.value?.length === 0 && <p class="muted">{t("messages.optOutsEmpty")}</p>}
      {changes.value && changes.value.length > 0 && (
        <ul class="plain">
          {changes.value.map(c => (
            <li key={`${c.channel}-${c.address}-${c.at}-${c.source}`} class="opt-out">
              <span class={`badge ${c.optedOut ? "status-Suppressed" : "status-Sent"}`}>{t(c.optedOut ? "messages.optOut.out" : "messages.optOut.in")}</span>
              {" "}<strong>{contacts.get(c.contactId) ?? c.contactId}</strong> · {channelLabel(c.channel)} {c.address}
              {" "}· {t(c.scope === "marketing" ? "messages.optOut.marketing" : "messages.optOut.all")}
              {" "}· {sourceLabel(c.source)} · <span class="muted"><When at={c.at} zone={zone} /></span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
