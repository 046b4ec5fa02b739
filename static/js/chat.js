// A chat thread, live. The page works without this: the compose box is a plain form
// and "Load earlier messages" a plain link. With it, Enter sends (Shift+Enter is a new
// line) without a reload, and new messages, edits, deletes, read receipts and "typing"
// appear as they happen: over the site's socket (live.js) when it is up, by polling the
// same updates endpoint every few seconds when it is not.

import { connect, onEvent, watchConversation, sendTyping, isLive } from "./live.js";

const POLL_MS = 5000;
const TYPING_SHOWN_MS = 4000;
const TYPING_SENT_EVERY_MS = 3000;
const NEAR_BOTTOM_PX = 160;
const JSON_HEADERS = { Accept: "application/json", "X-Requested-With": "fetch" };

function uuid4() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function errorText(body, fallback) {
  const error = body && body.error;
  if (typeof error === "string") return error;
  return (error && error.message) || fallback;
}

function parseItems(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  return [...template.content.querySelectorAll("li[data-message-id]")];
}

function initThread(list) {
  const conversation = Number(list.dataset.conversation);
  const me = Number(list.dataset.user);
  const updatesUrl = list.dataset.updatesUrl;
  const form = document.querySelector("[data-chat-compose]");
  const input = form?.querySelector("[data-chat-input]");
  const errorBox = form?.querySelector("[data-chat-error]");
  const typingLine = document.querySelector("[data-chat-typing]");
  let lastId = Number(list.dataset.lastId) || 0;
  let since = list.dataset.since || "";
  let reads = {};
  let busy = false;
  let again = false;
  let typingTimer = null;
  let lastTypingSent = 0;

  const nearBottom = () =>
    document.documentElement.scrollHeight - window.scrollY - window.innerHeight < NEAR_BOTTOM_PX;

  function place(item) {
    const existing = document.getElementById(item.id);
    if (existing) {
      existing.replaceWith(item);
      return false;
    }
    list.querySelector("[data-chat-empty]")?.remove();
    list.append(item);
    return true;
  }

  function markSeen() {
    const furthest = Math.max(0, ...Object.values(reads).map((id) => Number(id) || 0));
    const own = [...list.querySelectorAll("li.chat-message--mine")].filter(
      (item) => Number(item.dataset.messageId) <= furthest,
    );
    const target = own[own.length - 1];
    if (!target || target.querySelector("[data-chat-seen]")) return;
    list.querySelectorAll("[data-chat-seen]").forEach((mark) => mark.remove());
    const mark = document.createElement("p");
    mark.className = "chat-message__seen muted";
    mark.dataset.chatSeen = "";
    mark.textContent = "Seen";
    target.append(mark);
  }

  function addMessages(html) {
    const follow = nearBottom();
    let added = null;
    for (const item of parseItems(html)) {
      if (place(item)) added = item;
      lastId = Math.max(lastId, Number(item.dataset.messageId));
    }
    if (added && follow) added.scrollIntoView({ block: "end" });
    markSeen();
  }

  async function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const params = new URLSearchParams({ after: String(lastId), since });
      if (document.visibilityState === "visible") params.set("read", "1");
      const response = await fetch(`${updatesUrl}?${params}`, { headers: JSON_HEADERS });
      if (!response.ok) return;
      const data = await response.json();
      since = data.since || since;
      reads = data.read || reads;
      for (const change of data.changed || []) parseItems(change.html).forEach(place);
      addMessages(data.html);
    } catch {
      // Offline for a moment: the next poll or socket event tries again.
    } finally {
      busy = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  function showError(text) {
    if (!errorBox) return;
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  function clearReply() {
    const field = form.querySelector("input[name=reply_to]");
    if (field) field.value = "";
    form.querySelector("[data-chat-reply-box]")?.remove();
  }

  async function submit(event) {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    showError("");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: JSON_HEADERS,
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        showError(errorText(data, "The message could not be sent. Try again."));
        return;
      }
      input.value = "";
      const file = form.querySelector("input[type=file]");
      if (file) file.value = "";
      form.querySelector("input[name=client_token]").value = uuid4();
      clearReply();
      addMessages(data.html);
      list.lastElementChild?.scrollIntoView({ block: "end" });
    } catch {
      // The same token goes with the retry, so a send that did arrive is stored once.
      showError("The message could not be sent: check your connection and try again.");
    } finally {
      button.disabled = false;
      input.focus();
    }
  }

  function onKey(event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    if (input.value.trim() || form.querySelector("input[type=file]")?.files.length) {
      form.requestSubmit();
    }
  }

  function onTyping() {
    const now = Date.now();
    if (!isLive() || now - lastTypingSent < TYPING_SENT_EVERY_MS) return;
    lastTypingSent = now;
    sendTyping(conversation);
  }

  function onReplyClick(event) {
    const link = event.target.closest("[data-chat-reply]");
    if (!link || !form) return;
    event.preventDefault();
    clearReply();
    const field = form.querySelector("input[name=reply_to]");
    field.value = link.dataset.chatReply;
    const item = link.closest("li[data-message-id]");
    const box = document.createElement("div");
    box.className = "chat-compose__reply";
    box.dataset.chatReplyBox = "";
    const name = item.querySelector(".chat-message__sender")?.textContent || "";
    const label = document.createElement("span");
    label.textContent = `Replying to ${name}`;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button button--link";
    cancel.textContent = "Cancel reply";
    cancel.addEventListener("click", clearReply);
    box.append(label, cancel);
    input.closest(".field").before(box);
    input.focus();
  }

  const forThis = (fn) => (data) => {
    if (Number(data.conversation) === conversation) fn(data);
  };

  onEvent("chat.message", forThis(refresh));
  onEvent("chat.changed", forThis(refresh));
  onEvent("chat.read", forThis(refresh));
  onEvent("live.up", refresh);
  onEvent(
    "chat.typing",
    forThis((data) => {
      if (Number(data.user) === me || !typingLine) return;
      typingLine.textContent = `${data.name || "Someone"} is typing…`;
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => {
        typingLine.textContent = "";
      }, TYPING_SHOWN_MS);
    }),
  );
  window.setInterval(() => {
    if (!isLive()) refresh();
  }, POLL_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") refresh();
  });

  if (form && input) {
    form.addEventListener("submit", submit);
    input.addEventListener("keydown", onKey);
    input.addEventListener("input", onTyping);
    list.addEventListener("click", onReplyClick);
  }
  if (!window.location.hash && !window.location.search.includes("before=")) {
    list.lastElementChild?.scrollIntoView({ block: "end" });
  }
  watchConversation(conversation);
  connect();
}

const thread = document.querySelector("[data-chat-thread]");
if (thread) initThread(thread);
