import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { stepLabel } from "../../../components/notifications/labels";
import { companyZone } from "../../../components/office/companyZone";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";

type Step = components["schemas"]["DeliveryStepDto"];

/** One message's delivery log, oldest first: read again whenever the message changes (updatedAt). */
export function DeliveryLog({ customerId, messageId, updatedAt }: { customerId: string; messageId: string; updatedAt: string }) {
  const steps = useSignal<Step[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    void (async () => {
      const { data } = await api.GET("/api/v1/customers/{customerId}/communications/{id}/deliveries", { params: { path: { customerId, id: messageId } } });
      failed.value = !data;
      if (data) steps.value = data;
    })();
  }, [messageId, updatedAt]);

  if (failed.value) return <p class="error">{t("messages.logFailed")}</p>;
  if (!steps.value) return <p class="muted">{t("common.loading")}</p>;
  if (steps.value.length === 0) return <p class="muted delivery-log">{t("messages.logEmpty")}</p>;
  return (
    <ol class="delivery-log" aria-label={t("messages.log")}>
      {steps.value.map((s, i) => (
        <li key={i}>
          <When at={s.at} zone={companyZone.value} /> <strong>{stepLabel(s.status)}</strong>
          {s.providerId && <span class="muted"> · <code>{s.providerId}</code></span>}
          {s.detail && <span> · {s.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
