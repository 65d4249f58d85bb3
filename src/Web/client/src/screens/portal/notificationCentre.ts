// The contact's notification centre, live: the list and the unread count come from the API, and each message the
// engine sends while the page is open arrives on /hubs/notifications (the server joins the connection to this contact's
// group from the session alone). After a reconnection the list is read again, so nothing sent meanwhile is missed.
import { signal } from "@preact/signals";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { LiveHub } from "../../api/hub";

export type PortalNotification = components["schemas"]["PortalNotificationDto"];

class NotificationCentre {
  readonly hub = new LiveHub("/hubs/notifications");
  /** Newest first; null until the first answer. */
  readonly items = signal<PortalNotification[] | null>(null);
  readonly unread = signal(0);
  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.hub.connection.on("Notification", (notification: PortalNotification) => this.arrived(notification));
    this.hub.connection.onreconnected(() => void this.listening().then(() => this.load()));
    try {
      await this.hub.start();
      await this.listening();
    } catch {
      // Offline: the list still comes from the API; it goes live at the next visit.
    }
    await this.load();
  }

  /** Resolves once the server has put this connection in its group: only then does reading the list miss nothing. */
  private listening(): Promise<void> {
    return this.hub.connection.invoke("Listening");
  }

  private arrived(notification: PortalNotification): void {
    this.sinceLoad?.push(notification);
    const known = this.items.value ?? [];
    if (known.some(n => n.id === notification.id)) return;
    this.items.value = [notification, ...known];
    if (!notification.read) this.unread.value++;
  }

  /** What arrived live while a read of the list was under way: that answer may be older than they are. */
  private sinceLoad: PortalNotification[] | null = null;

  async load(): Promise<void> {
    this.sinceLoad = [];
    const { data } = await api.GET("/api/v1/portal/notifications");
    const live = this.sinceLoad;
    this.sinceLoad = null;
    if (!data) return;
    const newer = live.filter(n => !data.items.some(d => d.id === n.id));
    this.items.value = [...newer, ...data.items];
    this.unread.value = Number(data.unread) + newer.filter(n => !n.read).length;
  }

  async readAll(): Promise<void> {
    const { response } = await api.POST("/api/v1/portal/notifications/read");
    if (!response.ok) return;
    this.items.value = (this.items.value ?? []).map(n => ({ ...n, read: true }));
    this.unread.value = 0;
  }

  async read(id: string): Promise<void> {
    const item = (this.items.value ?? []).find(n => n.id === id);
    if (!item || item.read) return;
    const { response } = await api.POST("/api/v1/portal/notifications/{id}/read", { params: { path: { id } } });
    if (!response.ok) return;
    this.items.value = (this.items.value ?? []).map(n => (n.id === id ? { ...n, read: true } : n));
    this.unread.value = Math.max(0, this.unread.value - 1);
  }
}

export const notificationCentre = new NotificationCentre();
