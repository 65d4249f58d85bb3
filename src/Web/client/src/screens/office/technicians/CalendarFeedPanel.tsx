import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { When } from "../../../components/time";
import { companyZone } from "../../../components/office/companyZone";
import { t } from "../../../i18n/i18n";

/** The technician's schedule as a calendar feed (.ics): its URL is shown once when issued; issuing again replaces it. */
export function CalendarFeedPanel({ technicianId }: { technicianId: string }) {
  const issuedAt = useSignal<string | null>(null);
  const url = useSignal<string | null>(null);
  const path = { params: { path: { id: technicianId } } };
  const zone = companyZone.value;

  useEffect(() => {
    void api.GET("/api/v1/technicians/{id}/calendar-feed", path).then(({ data }) => (issuedAt.value = data?.issuedAt ?? null));
  }, [technicianId]);

  async function issue() {
    const { data } = await api.POST("/api/v1/technicians/{id}/calendar-feed", path);
    if (data) { url.value = data.url; issuedAt.value = data.issuedAt; }
  }

  async function revoke() {
    const { response } = await api.DELETE("/api/v1/technicians/{id}/calendar-feed", path);
    if (response.ok) { url.value = null; issuedAt.value = null; }
  }

  return (
    <div class="feed">
      <p>{issuedAt.value ? <>{t("office.feed.on")} <When at={issuedAt.value} zone={zone} /></> : t("office.feed.off")}</p>
      {url.value && (
        <>
          <label for="feed-url">{t("office.feed.url")}</label>
          <input id="feed-url" readOnly value={url.value} onFocus={e => e.currentTarget.select()} />
          <p class="muted">{t("office.feed.onceOnly")}</p>
        </>
      )}
      <div class="inline">
        <button type="button" onClick={issue}>{issuedAt.value ? t("office.feed.replace") : t("office.feed.issue")}</button>
        {issuedAt.value && <button type="button" onClick={revoke}>{t("office.feed.revoke")}</button>}
      </div>
    </div>
  );
}
