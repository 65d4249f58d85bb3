import { t } from "../../i18n/i18n";

export interface ThreadItem {
  threadId: string;
  title: string;
  unread: number;
}

/** Threads as buttons: the title (cut with an ellipsis, never widening the page) and the unread count when there is one. */
export function ThreadList({ threads, onOpen }: { threads: ThreadItem[]; onOpen: (thread: ThreadItem) => void }) {
  return (
    <ul class="threads" aria-label={t("chat.conversations")}>
      {threads.map(thread => (
        <li key={thread.threadId}>
          <button type="button" onClick={() => onOpen(thread)}>
            <span class="title">{thread.title}</span>
            {thread.unread > 0 && <span class="badge unread" aria-label={t("chat.unread", { count: thread.unread })}>{thread.unread}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
