// The customer's conversations: the general thread and one per job. The page joins every listed thread on the hub,
// so the unread badges move live; the open thread shows new messages as they arrive and marks them read.
import { ThreadView } from "/js/chat-thread.js";

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

document.addEventListener("portal:signed-in", () => start());

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
  list.replaceChildren(...threads.map(t => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = t.title;
    button.append(title);
    if (t.unread > 0) {
      const badge = document.createElement("span");
      badge.className = "badge unread";
      badge.textContent = t.unread;
      badge.setAttribute("aria-label", `${t.unread} unread`);
      button.append(badge);
    }
    button.addEventListener("click", () => openThread(t));
    li.append(button);
    return li;
  }));
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

$("chat-form").addEventListener("submit", async event => {
  event.preventDefault();
  $("chat-error").textContent = "";
  const form = new FormData();
  form.append("text", $("chat-text").value);
  for (const file of $("chat-files").files) form.append("files", file, file.name);
  const refusal = await view.send(form);
  if (refusal) {
    $("chat-error").textContent = refusal;
    return;
  }
  $("chat-text").value = "";
  $("chat-files").value = "";
});
