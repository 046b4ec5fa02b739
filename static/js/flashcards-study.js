// The study screen without page loads: Space shows the answer at once (it was fetched
// in the background while the learner read the question), 1-4 rate, U undoes. Ratings
// and card actions post in the background; the server answers with the next card's
// question (`html`) and its answer side (`revealed`). Without this script every button
// is a plain link or form post (see site/learning/flashcards/study_views.py).

const FETCH_HEADERS = { "X-Requested-With": "fetch", Accept: "application/json" };
let answerHtml = null;
let shownAt = performance.now();
let busy = false;

const card = () => document.getElementById("study-card");

function announce(text) {
  const region = document.getElementById("live-status");
  if (!region || !text) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

function swap(html, answer = null) {
  const current = card();
  if (!current || !html) return;
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  const next = template.content.firstElementChild;
  current.replaceWith(next);
  const focusTarget =
    next.querySelector("#study-answer") ||
    next.querySelector(".study-reveal__button, .study-summary a, button");
  if (focusTarget) focusTarget.focus({ preventScroll: true });
  if (next.dataset.side !== "front") return;
  if (answer) {
    answerHtml = answer;
    shownAt = performance.now();
  } else {
    prefetchAnswer(next);
  }
}

async function prefetchAnswer(section) {
  answerHtml = null;
  shownAt = performance.now();
  const url = section.dataset.revealUrl;
  if (!url) return;
  try {
    const response = await fetch(url, { headers: FETCH_HEADERS, credentials: "same-origin" });
    if (response.ok && card() === section) answerHtml = (await response.json()).html;
  } catch (error) {
    answerHtml = null;
  }
}

function reveal(form) {
  if (answerHtml) {
    swap(answerHtml);
    answerHtml = null;
    return;
  }
  window.location.assign(`${form.action}?${new URLSearchParams(new FormData(form))}`);
}

async function post(form, submitter) {
  if (busy) return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  busy = true;
  const body = new FormData(form, submitter);
  if (form.dataset.confirm) body.set("confirm", "yes");
  if (form.hasAttribute("data-study-review")) {
    body.set("duration_ms", String(Math.round(performance.now() - shownAt)));
  }
  form.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(form.action, {
      method: "POST", body, credentials: "same-origin", headers: FETCH_HEADERS,
    });
    const data = await response.json();
    if (data.html) swap(data.html, data.revealed);
    announce(data.error || data.message);
  } catch (error) {
    announce("That did not save. Check your connection and try again.");
  } finally {
    form.removeAttribute("aria-busy");
    busy = false;
  }
}

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable], summary, details a");
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const section = card();
  if (!section) return;
  const side = section.dataset.side;
  if ((event.key === " " || event.key === "Enter") && side === "front") {
    if (event.key === "Enter" && event.target.closest("button, a")) return;
    event.preventDefault();
    reveal(section.querySelector("[data-study-reveal]"));
  } else if (side === "answer" && ["1", "2", "3", "4"].includes(event.key)) {
    event.preventDefault();
    const button = section.querySelector(`[data-key="${event.key}"]`);
    if (button) post(button.form, button);
  } else if (event.key === "u" || event.key === "U") {
    const undo = section.querySelector("[data-study-undo]");
    if (undo) {
      event.preventDefault();
      post(undo.form, undo);
    }
  }
}

function onSubmit(event) {
  const form = event.target;
  if (!form.closest("#study-card") || !window.fetch) return;
  if (form.hasAttribute("data-study-reveal")) {
    event.preventDefault();
    reveal(form);
  } else if (form.hasAttribute("data-study-review") || form.hasAttribute("data-study-action")) {
    event.preventDefault();
    post(form, event.submitter);
  }
}

const initial = card();
if (initial) {
  document.addEventListener("keydown", onKey);
  document.addEventListener("submit", onSubmit);
  if (initial.dataset.side === "front") prefetchAnswer(initial);
}
