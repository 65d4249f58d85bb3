import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { components } from "../api/schema";
import { t } from "../i18n/i18n";
import { When } from "./time";
import "./calendarFeed.css";

export type CalendarFeed = components["schemas"]["CalendarFeedDto"];

/** How a panel reaches its feed: the office's technician feed and the customer's own feed have their own endpoints. */
export type CalendarFeedCalls = {
  state(): Promise<CalendarFeed | undefined>;
  issue(): Promise<CalendarFeed | undefined>;
  revoke(): Promise<boolean>;
};

/**
 * A calendar feed (.ics) someone subscribes to in their calendar app: its secret URL is shown once, when issued (the
 * server keeps only a hash); issuing again replaces it and turning it off stops the old URL at once.
 */
export function CalendarFeedPanel({ calls, offText, zone, owner }: { calls: CalendarFeedCalls; offText: string; zone: string; owner: string }) {
  const issuedAt = useSignal<string | null>(null);
  const url = useSignal<string | null>(null);

  useEffect(() => {
    url.value = null;
    void calls.state().then(feed => (issuedAt.value = feed?.issuedAt ?? null));
  }, [owner]);

  async function issue() {
    const feed = await calls.issue();
    if (feed) { url.value = feed.url; issuedAt.value = feed.issuedAt; }
  }

  async function revoke() {
    if (await calls.revoke()) { url.value = null; issuedAt.value = null; }
  }

  return (
    <div class="feed">
      <p>{issuedAt.value ? <>{t("feed.on")} <When at={issuedAt.value} zone={zone} /></> : offText}</p>
      {url.value && (
        <>
          <label for="feed-url">{t("feed.url")}</label>
          <input id="feed-url" readOnly value={url.value} onFocus={e => e.currentTarget.select()} />
          <p class="muted">{t("feed.onceOnly")}</p>
        </>
      )}
      <div class="feed-actions">
        <button type="button" onClick={issue}>{issuedAt.value ? t("feed.replace") : t("feed.issue")}</button>
        {issuedAt.value && <button type="button" onClick={revoke}>{t("feed.revoke")}</button>}
      </div>
    </div>
  );
}
