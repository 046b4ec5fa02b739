// The header bell: keeps the unread badge current without a reload.
//
// Over the live socket the server sends "notifications.unread" with the new count;
// while the socket is down the bell polls /notifications/unread/ every 30 seconds.
// Without JavaScript the badge shows the count of the page load.

import { connect, isLive, onEvent } from "./live.js";

const POLL_MS = 30000;

function render(bell, count) {
  const badge = bell.querySelector("[data-bell-count]");
  const n = Number.isInteger(count) && count > 0 ? count : 0;
  badge.textContent = String(n);
  badge.hidden = n === 0;
  bell.setAttribute("aria-label", n ? `Notifications, ${n} unread` : "Notifications");
}

async function poll(bell) {
  if (isLive() || document.hidden) return;
  try {
    const response = await fetch(bell.dataset.bellUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const data = await response.json();
    render(bell, data.count);
  } catch {
    // Offline for a moment: the next poll tries again.
  }
}

export function initBell(bell) {
  onEvent("notifications.unread", (data) => render(bell, data.count));
  onEvent("live.down", () => poll(bell));
  connect();
  window.setInterval(() => poll(bell), POLL_MS);
  document.addEventListener("visibilitychange", () => poll(bell));
}

const bell = document.querySelector("[data-bell]");
if (bell) initBell(bell);
