// One chat thread on screen, shared by the portal and the dispatch page. Messages arrive twice over (the API's
// answer to a send, and the hub), so each is shown once, by id. Text is set with textContent, never parsed as HTML:
// it comes from people.

export class ThreadView {
  // base: the API root (portal or team); list: the <ol> of messages; olderButton: shown while older pages exist;
  // isMine(message): whether to align it as the reader's own.
  constructor({ base, list, olderButton, isMine }) {
    Object.assign(this, { base, list, olderButton, isMine });
    this.threadId = null;
    this.ids = new Set();
    this.before = null;
    olderButton.addEventListener("click", () => this.older());
  }

  async open(threadId) {
    this.threadId = threadId;
    this.ids.clear();
    this.list.replaceChildren();
    const page = await this.page(null);
    if (!page || this.threadId !== threadId) return;
    for (const m of page.messages) this.add(m);
    await this.markRead();
  }

  close() {
    this.threadId = null;
  }

  async older() {
    const page = await this.page(this.before);
    if (!page) return;
    const first = this.list.firstChild;
    for (const m of page.messages.filter(m => !this.ids.has(m.id))) {
      this.ids.add(m.id);
      this.list.insertBefore(messageItem(m, this.isMine(m)), first);
    }
  }

  // Adds a message of the open thread (from a page, a send or the hub); answers whether it was new here.
  add(message) {
    if (message.threadId !== this.threadId || this.ids.has(message.id)) return false;
    this.ids.add(message.id);
    this.list.append(messageItem(message, this.isMine(message)));
    this.list.lastChild.scrollIntoView({ block: "nearest" });
    return true;
  }

  async markRead() {
    const last = this.list.lastChild?.dataset.id;
    if (!last || !this.threadId) return;
    await fetch(`${this.base}/${encodeURIComponent(this.threadId)}/read`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ upTo: last }),
    });
  }

  // Sends text, images and (for the team) the internal flag as one multipart form; answers null or the refusal's text.
  async send(form) {
    const response = await fetch(`${this.base}/${encodeURIComponent(this.threadId)}/messages`, { method: "POST", body: form });
    const body = (response.headers.get("Content-Type") ?? "").includes("json") ? await response.json() : null;
    if (response.ok) {
      this.add(body);
      return null;
    }
    const errors = body?.errors ? Object.values(body.errors).flat() : [];
    return errors.length > 0 ? errors.join(" ") : body?.detail ?? body?.title ?? `Could not send (${response.status}).`;
  }

  async page(before) {
    const query = before ? `?before=${encodeURIComponent(before)}` : "";
    const response = await fetch(`${this.base}/${encodeURIComponent(this.threadId)}/messages${query}`);
    if (!response.ok) return null;
    const page = await response.json();
    this.before = page.before;
    this.olderButton.hidden = !page.before;
    return page;
  }
}

// A thread in a list: its title and, when there is any, its unread count.
export function threadItem(titleText, unread, onClick) {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  const title = document.createElement("span");
  title.className = "title";
  title.textContent = titleText;
  button.append(title);
  if (unread > 0) {
    const badge = document.createElement("span");
    badge.className = "badge unread";
    badge.textContent = unread;
    badge.setAttribute("aria-label", `${unread} unread`);
    button.append(badge);
  }
  button.addEventListener("click", onClick);
  li.append(button);
  return li;
}

// The message form of both pages (#chat-form with #chat-text, #chat-files, #chat-error); addFields adds what only
// one side sends (the team's internal flag), afterSend clears it.
export function bindComposer(view, { addFields = () => {}, afterSend = () => {} } = {}) {
  const $ = id => document.getElementById(id);
  $("chat-form").addEventListener("submit", async event => {
    event.preventDefault();
    $("chat-error").textContent = "";
    const form = new FormData();
    form.append("text", $("chat-text").value);
    addFields(form);
    for (const file of $("chat-files").files) form.append("files", file, file.name);
    const refusal = await view.send(form);
    if (refusal) {
      $("chat-error").textContent = refusal;
      return;
    }
    $("chat-text").value = "";
    $("chat-files").value = "";
    afterSend();
  });
}

function messageItem(m, mine) {
  const li = document.createElement("li");
  li.className = "message" + (mine ? " mine" : "") + (m.internal ? " internal" : "");
  li.dataset.id = m.id;
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = `${m.author.name} · ${new Date(m.sentAt).toLocaleString()}` + (m.internal ? " · internal note" : "");
  li.append(meta);
  if (m.text) {
    const text = document.createElement("p");
    text.textContent = m.text;
    li.append(text);
  }
  for (const a of m.attachments) {
    const link = document.createElement("a");
    link.href = a.url;
    link.target = "_blank";
    link.rel = "noopener";
    const img = document.createElement("img");
    img.src = a.url;
    img.alt = a.fileName;
    img.loading = "lazy";
    link.append(img);
    li.append(link);
  }
  return li;
}
