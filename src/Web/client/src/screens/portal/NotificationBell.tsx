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
  const toggle = useRef<HTMLButtonElement>(null);
  const unread = notificationCentre.unread.value;
  const items = notificationCentre.items.value;
  useEffect(() => { void notificationCentre.start(); }, []);
  useEffect(() => {
    if (!open.value) return;
    const outside = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) open.value = false; };
    // On the document, not the panel: focus may have left it (the "mark all" button goes once nothing is unread).
    const escape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      open.value = false;
      toggle.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open.value]);

  return (
    <div class="bell" ref={root}>
      <button type="button" class="bell-toggle" ref={toggle} aria-expanded={open.value} aria-controls="bell-panel"
        aria-label={unread > 0 ? `${t("bell.open")}, ${t("bell.unread", { count: unread })}` : t("bell.open")}
        onClick={() => (open.value = !open.value)}>
        {/* Drawn, not an emoji: a phone without an emoji font would show an empty box. */}
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
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
