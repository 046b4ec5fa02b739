// The site's one WebSocket (/ws/live/), shared by every script on the page.
//
// connect() opens it once; onEvent(type, fn) hears the server's events
// ("chat.message", "chat.changed", "chat.read", "chat.typing", "notifications.unread")
// and the socket's own: "live.up" when it opens, "live.down" after two failed attempts
// in a row (or at once when the server refuses the visitor), so pages poll instead.
// It keeps reconnecting with backoff and jitter and re-sends the watches on each open.
// The server sends ids only; pages fetch what changed over HTTP.

const PATH = "/ws/live/";
const CLOSE_UNAUTHORISED = 4401;
const CLOSE_REAUTHENTICATE = 4000;
const FAILURES_BEFORE_DOWN = 2;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const PING_EVERY_MS = 25000;

const handlers = new Map();
const watched = new Set();
let socket = null;
let live = false;
let failures = 0;
let downAnnounced = false;
let refused = false;
let retryTimer = null;
let pingTimer = null;

function emit(type, data) {
  for (const fn of handlers.get(type) || []) {
    try {
      fn(data);
    } catch (error) {
      console.error(error);
    }
  }
}

function send(payload) {
  if (live && socket) socket.send(JSON.stringify(payload));
}

function socketUrl() {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${PATH}`;
}

function announceDown() {
  if (downAnnounced) return;
  downAnnounced = true;
  emit("live.down", {});
}

function scheduleRetry() {
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  const delay = backoff / 2 + Math.random() * backoff; // jitter: no thundering herd
  retryTimer = window.setTimeout(open, delay);
}

function onOpen() {
  live = true;
  failures = 0;
  downAnnounced = false;
  for (const id of watched) send({ action: "watch", conversation: id });
  pingTimer = window.setInterval(() => send({ action: "ping" }), PING_EVERY_MS);
  emit("live.up", {});
}

function onMessage(message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  if (data && typeof data.type === "string") emit(data.type, data);
}

function onClose(event) {
  socket = null;
  live = false;
  window.clearInterval(pingTimer);
  if (event.code === CLOSE_UNAUTHORISED) {
    refused = true; // signed out or deactivated: polling will say so too
    announceDown();
    return;
  }
  if (event.code === CLOSE_REAUTHENTICATE) {
    open(); // someone signed out: this tab's session is checked again at once
    return;
  }
  failures += 1;
  if (failures >= FAILURES_BEFORE_DOWN) announceDown();
  scheduleRetry();
}

function open() {
  retryTimer = null;
  if (socket || refused) return;
  try {
    socket = new WebSocket(socketUrl());
  } catch {
    socket = null;
    failures += 1;
    if (failures >= FAILURES_BEFORE_DOWN) announceDown();
    scheduleRetry();
    return;
  }
  socket.addEventListener("open", onOpen);
  socket.addEventListener("message", onMessage);
  socket.addEventListener("close", onClose);
}

/** Open the socket (once per page; later calls do nothing). */
export function connect() {
  if (socket || retryTimer || refused || !("WebSocket" in window)) return;
  open();
}

/** Call fn(data) for each event of `type`; returns a function that stops it. */
export function onEvent(type, fn) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(fn);
  return () => handlers.get(type).delete(fn);
}

/** Hear conversation `id`'s events, now and after every reconnect. */
export function watchConversation(id) {
  const conversation = Number(id);
  watched.add(conversation);
  send({ action: "watch", conversation });
  connect();
}

export function unwatchConversation(id) {
  const conversation = Number(id);
  watched.delete(conversation);
  send({ action: "unwatch", conversation });
}

/** Tell the others in conversation `id` that this person is typing. */
export function sendTyping(id) {
  send({ action: "typing", conversation: Number(id) });
}

/** True while the socket is open: pages skip polling then. */
export function isLive() {
  return live;
}

window.addEventListener("online", () => {
  if (!socket && !refused) {
    window.clearTimeout(retryTimer);
    open();
  }
});
