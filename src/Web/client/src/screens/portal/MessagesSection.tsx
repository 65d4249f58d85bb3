import { useEffect } from "preact/hooks";
import { ChatThread } from "../../components/chat/ChatThread";
import { ThreadList } from "../../components/chat/ThreadList";
import { t } from "../../i18n/i18n";
import { conversations, type PortalThread } from "./conversations";
import { go, hrefOf, route } from "./route";
import { zone } from "./session";

/** The general thread and one per job; "#messages/{threadId}" opens one. */
export function MessagesSection() {
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
