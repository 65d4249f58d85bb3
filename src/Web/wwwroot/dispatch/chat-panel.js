// The team's conversations beside the board: the inbox (threads by latest activity, with the team's unread counts),
// one open thread, replies and internal notes. It has its own hub connection (/hubs/chat-team), so the board and the
// live map are untouched; the inbox group tells it about activity in any thread, and it joins the one it shows.
import { ThreadView, bindComposer, threadItem } from "/js/chat-thread.js";

const BASE = "/api/v1/conversations";
const $ = id => document.getElementById(id);
const view = new ThreadView({
  base: BASE,
  list: $("chat-messages"),
  olderButton: $("chat-older"),
  isMine: m => m.author.kind === "Team",
});
const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat-team").withAutomaticReconnect().build();
let threads = [];
let loading = null;

connection.on("Message", message => {
  if (view.add(message)) view.markRead().then(loadThreads);
});
connection.on("ThreadActivity", () => loadThreads());
connection.onreconnected(async () => {
  await loadThreads();
  if (view.threadId) await openThread(view.threadId, $("chat-thread-title").textContent);
});

async function start() {
  const me = await fetch("/api/v1/auth/me");
  if (!me.ok) return; // dispatch.js sends the visitor to the sign-in page
  await connection.start();
  await loadThreads();
}

// Bursts of activity end in one read at a time.
async function loadThreads() {
  if (loading) return loading;
  loading = (async () => {
    const response = await fetch(BASE);
    if (response.ok) threads = await response.json();
    render();
  })().finally(() => { loading = null; });
  return loading;
}

function render() {
  const unread = threads.reduce((sum, t) => sum + t.unread, 0);
  $("chat-unread").textContent = unread;
  $("chat-threads").replaceChildren(...threads.map(t => {
    const title = `${t.customerName || "Customer"}: ${t.title}`;
    return threadItem(title, t.unread, () => openThread(t.threadId, title));
  }));
}

async function openThread(threadId, title) {
  if (view.threadId && view.threadId !== threadId) await connection.invoke("Leave", view.threadId);
  // Join before reading, so nothing posted in between is missed (the view shows each message once).
  await connection.invoke("Join", threadId);
  $("chat-threads").hidden = true;
  $("chat-thread").hidden = false;
  $("chat-thread-title").textContent = title;
  $("chat-error").textContent = "";
  await view.open(threadId);
  await loadThreads();
}

$("chat-back").addEventListener("click", async () => {
  if (view.threadId) await connection.invoke("Leave", view.threadId);
  view.close();
  $("chat-thread").hidden = true;
  $("chat-threads").hidden = false;
  await loadThreads();
});

bindComposer(view, {
  addFields: form => form.append("internal", $("chat-internal").checked ? "true" : "false"),
  afterSend: () => { $("chat-internal").checked = false; },
});

start().catch(error => { $("chat-error").textContent = "Chat is offline: " + error.message; });
