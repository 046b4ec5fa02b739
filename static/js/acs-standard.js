// The ACS standard page (templates/learning/acs/standard.html): areas and tasks are folded
// <details>. This script
// - opens the folds around the target of a link (#PA.I.C, #PA.I.C.K2a) and scrolls to it,
//   for browsers that do not open closed <details> on fragment navigation themselves;
// - makes "Jump to task" go straight to the task, without the server round trip the form
//   makes when JavaScript is off;
// - shows "Expand all" / "Collapse all";
// - filters the page in place as the reader types in the search box, by the same rules as
//   the server's ?q= (learning/acs/search.py); Enter still submits the search.
// Without it the page works as plain HTML.

const DELAY_MS = 150;

function openAround(target) {
  for (let node = target; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
}

function goTo(id, { focus = false } = {}) {
  const target = id && document.getElementById(id);
  if (!target) return;
  openAround(target);
  target.scrollIntoView({ block: "start" });
  const summary = target.closest("details")?.querySelector(":scope > summary");
  if (focus && summary) summary.focus({ preventScroll: true });
}

function idFromHash() {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return "";
  }
}

function setUpLinks() {
  window.addEventListener("hashchange", () => goTo(idFromHash()));
  document.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#"]');
    // Following a link to the fragment already in the address bar fires no hashchange.
    if (link && link.getAttribute("href") === window.location.hash) goTo(idFromHash());
  });
  if (window.location.hash) goTo(idFromHash());
}

function setUpJump(form) {
  const select = form.querySelector("select");
  const jump = (focus) => {
    if (!select.value) return;
    if (window.location.hash !== `#${select.value}`) {
      window.history.pushState(null, "", `#${select.value}`);
    }
    goTo(select.value, { focus });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    jump(true);
  });
  // Choosing scrolls at once but leaves focus in the list, so arrowing through it works.
  select.addEventListener("change", () => jump(false));
}

function setUpFoldAll(bar) {
  bar.hidden = false;
  bar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-open]");
    if (!button) return;
    const open = button.dataset.open === "true";
    document.querySelectorAll("details.acs-area, details.acs-task").forEach((details) => {
      if (!details.hidden) details.open = open;
    });
  });
}

// --- Filtering in place -------------------------------------------------------------

function ownText(item) {
  let text = "";
  item.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
  });
  return text.trim().toLowerCase();
}

function normalizeCode(code) {
  const match = code.match(/^(.*\d)([A-Za-z])$/);
  return match ? match[1].toUpperCase() + match[2].toLowerCase() : code.toUpperCase();
}

function codeMatches(code, prefix) {
  if (!prefix || !code.startsWith(prefix)) return false;
  const rest = code.slice(prefix.length);
  return !rest || rest[0] === "." || (/\d$/.test(prefix) && /^[a-z]/.test(rest));
}

function buildIndex() {
  return [...document.querySelectorAll("details.acs-task")].map((task) => ({
    task,
    area: task.closest("details.acs-area"),
    title: (task.querySelector("summary h3")?.textContent || "").toLowerCase(),
    items: [...task.querySelectorAll("li[id]")].map((item) => ({
      item,
      code: item.id,
      text: ownText(item),
      parent: item.parentElement.closest("li[id]"),
    })),
  }));
}

function filter(index, value, status) {
  const terms = [...new Set(value.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  const prefix = terms.length === 1 ? normalizeCode(value.trim()) : "";
  const matches = (text) => terms.every((term) => text.includes(term));
  const areas = new Map();
  let elements = 0;
  let tasks = 0;
  index.forEach(({ task, area, title, items }) => {
    const whole = !terms.length || codeMatches(task.dataset.code, prefix) || matches(title);
    const shown = new Set();
    const context = new Set();
    items.forEach(({ item, code, text, parent }) => {
      if (whole || codeMatches(code, prefix) || matches(text)) {
        shown.add(item);
        if (parent && !shown.has(parent)) context.add(parent);
      }
    });
    context.forEach((parent) => shown.add(parent));
    items.forEach(({ item }) => {
      item.hidden = !shown.has(item);
      item.classList.toggle("acs-context", terms.length > 0 && context.has(item));
    });
    task.querySelectorAll("h4.acs-kind").forEach((heading) => {
      const list = heading.nextElementSibling;
      heading.hidden = list.hidden = !list.querySelector(":scope > li:not([hidden])");
    });
    task.hidden = shown.size === 0;
    task.open = terms.length > 0 && !task.hidden;
    if (!task.hidden) {
      tasks += 1;
      elements += shown.size - context.size;
      areas.set(area, true);
    }
  });
  document.querySelectorAll("details.acs-area").forEach((area) => {
    area.hidden = !areas.has(area);
    area.open = terms.length > 0 && !area.hidden;
  });
  if (!terms.length) status.textContent = "";
  else if (!tasks) status.textContent = `Nothing matches “${value.trim()}”.`;
  else {
    const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
    const verb = elements === 1 ? "matches" : "match";
    status.textContent = `${plural(elements, "element")} in ${plural(tasks, "task")} ${verb} “${value.trim()}”.`;
  }
}

function setUpFilter(input, status) {
  // On a page the server already narrowed (?q=), Enter searches again instead.
  if (new URLSearchParams(window.location.search).has("q")) return;
  let index = null;
  let timer = 0;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      index = index || buildIndex();
      filter(index, input.value, status);
    }, DELAY_MS);
  });
}

const jumpForm = document.querySelector("form[data-acs-jump]");
if (jumpForm) setUpJump(jumpForm);
const foldAll = document.querySelector("[data-acs-fold-all]");
if (foldAll) setUpFoldAll(foldAll);
const filterInput = document.querySelector("input[data-acs-filter]");
const statusLine = document.querySelector("[data-acs-status]");
if (filterInput && statusLine) setUpFilter(filterInput, statusLine);
setUpLinks();
