// The customer's conversations: the general thread and one per job. The page joins every listed thread on the hub,
// so the unread badges move live; the open thread shows new messages as they arrive and marks them read.
import { ThreadView, bindComposer, threadItem } from "/js/chat-thread.js";

const BASE = "/api/v1/portal/conversations";
const $ = id => document.getElementById(id);
let threads = [];
const view = new ThreadView({
  base: BASE,
  list: $("chat-messages"),
  olderButton: $("chat-older"),
  isMine: m => m.author.kind === "Customer", // the customer's side of the conversation, whichever contact wrote
});
const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/chat")
  .withAutomaticReconnect()
  .build();

if (document.body.dataset.signedIn) start();
else document.addEventListener("portal:signed-in", () => start(), { once: true });

async function start() {
  connection.on("Message", message => {
    if (view.add(message)) {
      view.markRead();
      return;
    }
    const thread = threads.find(t => t.threadId === message.threadId);
    if (thread && message.threadId !== view.threadId && message.author.kind === "Team") thread.unread += 1;
    renderThreads();
  });
  // A new connection is in no group: join again, and re-read so nothing sent meanwhile is missed.
  connection.onreconnected(async () => {
    await loadThreads();
    if (view.threadId) await view.open(view.threadId);
  });
  await connection.start();
  await loadThreads();
}

async function loadThreads() {
  const response = await fetch(BASE);
  if (!response.ok) return;
  threads = await response.json();
  renderThreads();
  for (const t of threads) await connection.invoke("Join", t.threadId);
}

function renderThreads() {
  const list = $("chat-threads");
  list.replaceChildren(...threads.map(t => threadItem(t.title, t.unread, () => openThread(t))));
}

async function openThread(thread) {
  $("chat-threads").hidden = true;
  $("chat-thread").hidden = false;
  $("chat-thread-title").textContent = thread.title;
  $("chat-error").textContent = "";
  await view.open(thread.threadId);
  thread.unread = 0;
}

$("chat-back").addEventListener("click", () => {
  view.close();
  $("chat-thread").hidden = true;
  $("chat-threads").hidden = false;
  renderThreads();
});

bindComposer(view);
