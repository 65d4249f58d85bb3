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

const scopeKey = { marketing: "messages.optOut.marketing", email: "messages.optOut.email" } as const;

/**
 * The contacts' opt-outs and opt-ins, newest first: who, which address, marketing only, every text or every email,
 * when, and how (an unsubscribe link, the portal's switch, STOP or START, a bounce). An address that bounced as unknown
 * and still does is offered "It works again": the team's word that email may go to it once more. Read again whenever
 * the timeline above is.
 */
export function OptOuts({ overview, refresh }: { overview: Overview; refresh: unknown }) {
  const changes = useSignal<OptOut[] | null>(null);
  const customerId = overview.customer.id;
  const load = async () => {
    const { data } = await api.GET("/api/v1/customers/{customerId}/communications/opt-outs", { params: { path: { customerId } } });
    if (data) changes.value = data;
  };
  useEffect(() => void load(), [customerId, refresh]);

  // Newest first: an address's first email-scope entry says whether it is bounced now.
  const bouncedNow = new Set<OptOut>();
  const seen = new Set<string>();
  for (const c of changes.value ?? []) {
    if (c.scope !== "email" || seen.has(c.address)) continue;
    seen.add(c.address);
    if (c.optedOut && overview.customer.contacts.some(x => x.id === c.contactId && x.email === c.address)) bouncedNow.add(c);
  }
  const worksAgain = async (c: OptOut) => {
    const { response } = await api.DELETE("/api/v1/customers/{customerId}/communications/bounces/{contactId}", { params: { path: { customerId, contactId: c.contactId } } });
    if (response.ok) await load();
  };

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
              {" "}· {t(c.scope in scopeKey ? scopeKey[c.scope as keyof typeof scopeKey] : "messages.optOut.all")}
              {" "}· {sourceLabel(c.source)} · <span class="muted"><When at={c.at} zone={zone} /></span>
              {bouncedNow.has(c) && (
                <>
                  {" "}<button type="button" class="link" onClick={() => void worksAgain(c)}
                    aria-label={t("messages.optOut.worksAgainNamed", { address: c.address })}>{t("messages.optOut.worksAgain")}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
