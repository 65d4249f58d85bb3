import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { When } from "../../components/time";
import { t } from "../../i18n/i18n";
import { notificationCentre } from "./notificationCentre";
import { zone } from "./session";

/**
 * The bell in the portal's bar: the unread count on it, and a panel listing the latest notifications (newest first,
 * unread ones marked). Opening an item marks it read; each links to the appointment it is about. Escape or a click
 * outside closes the panel. On a phone the panel spans the screen's width, so nothing scrolls sideways.
 */
export function NotificationBell() {
  const open = useSignal(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = notificationCentre.unread.value;
  const items = notificationCentre.items.value;
  useEffect(() => { void notificationCentre.start(); }, []);
  useEffect(() => {
    if (!open.value) return;
    const outside = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) open.value = false; };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open.value]);

  return (
    <div class="bell" ref={root} onKeyDown={e => { if (e.key === "Escape") open.value = false; }}>
      <button type="button" class="bell-toggle" aria-expanded={open.value} aria-controls="bell-panel"
        aria-label={unread > 0 ? `${t("bell.open")}, ${t("bell.unread", { count: unread })}` : t("bell.open")}
        onClick={() => (open.value = !open.value)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && <span class="badge unread" data-testid="bell-count">{unread}</span>}
      </button>
      {open.value && (
        <section id="bell-panel" class="bell-panel" aria-label={t("bell.title")}>
          <header>
            <h2>{t("bell.title")}</h2>
            {unread > 0 && <button type="button" class="link" onClick={() => void notificationCentre.readAll()}>{t("bell.readAll")}</button>}
          </header>
          {items && items.length === 0 && <p class="muted">{t("bell.empty")}</p>}
          <ul>
            {(items ?? []).map(item => (
              <li key={item.id} class={item.read ? "read" : "unread"} onClick={() => void notificationCentre.read(item.id)}>
                <strong>{item.title}</strong>
                <p>{item.text}</p>
                <small class="muted"><When at={item.at} zone={zone()} /></small>
                {item.ticketId && <a href={`/portal/appointment/?id=${encodeURIComponent(item.ticketId)}`}>{t("bell.view")}</a>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
