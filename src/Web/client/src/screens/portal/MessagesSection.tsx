import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { ChatThread } from "../../components/chat/ChatThread";
import { ThreadList } from "../../components/chat/ThreadList";
import { t } from "../../i18n/i18n";
import { conversations, type PortalThread } from "./conversations";
import { go, hrefOf, route } from "./route";
import { zone } from "./session";

/** How often the team's availability is read again while the section is open. */
const availabilityEvery = 60_000;

/** The general thread and one per job; "#messages/{threadId}" opens one. Says whether the team is there to chat. */
export function MessagesSection() {
  const availability = useSignal<string | null>(null);
  useEffect(() => {
    const load = () => void api.GET("/api/v1/portal/conversations/availability").then(({ data }) => (availability.value = data?.status ?? null));
    load();
    const timer = setInterval(load, availabilityEvery);
    return () => clearInterval(timer);
  }, []);
  const openId = route.value.detail;
  const threads = conversations.threads.value;
  const open = openId ? threads?.find(thread => thread.threadId === openId) : undefined;
  useEffect(() => {
    conversations.open.value = openId;
    return () => { conversations.open.value = null; };
  }, [openId]);

  return (
    <section class="card" aria-labelledby="messages-title">
      <h2 id="messages-title" tabIndex={-1}>{t("portal.section.messages")}</h2>
      {availability.value && (
        <p class={`team-availability team-${availability.value.toLowerCase()}`} role="status">
          <span class="dot" aria-hidden="true" />{availability.value === "Online" ? t("portal.messages.teamOnline")
            : availability.value === "Away" ? t("portal.messages.teamAway") : t("portal.messages.teamOffline")}
        </p>
      )}
      {threads === null && <p class="muted">{t("common.loading")}</p>}
      {openId && open ? (
        <>
          <a class="back-link" href={hrefOf("messages")}>‹ {t("portal.messages.all")}</a>
          <h3 class="thread-title">{threadTitle(open)}</h3>
          <ChatThread threadId={open.threadId} base="/api/v1/portal/conversations" hub={conversations.hub} me="Customer" zone={zone()}
            onRead={id => conversations.read(id)} />
        </>
      ) : (
        threads && <ThreadList threads={threads.map(thread => ({ threadId: thread.threadId, title: threadTitle(thread), unread: Number(thread.unread) }))}
          onOpen={thread => go("messages", thread.threadId)} />
      )}
    </section>
  );
}

/** The general thread's title is ours to translate; a job's is its description and address. */
export function threadTitle(thread: PortalThread): string {
  return thread.kind === "Customer" ? t("chat.general") : thread.title;
}
