// The ACS standard page (templates/learning/acs/standard.html): areas are folded <details>,
// each listing its tasks, which link to the task pages. This script
// - opens the area around the target of a link (#PA.I.C) and scrolls to it, for browsers
//   that do not open closed <details> on fragment navigation themselves;
// - sends an old link to an element (#PA.I.C.K2a, from when the page held every element)
//   on to that element on its task page;
// - makes "Jump to task" go straight to the task's page (choosing shows it in the list;
//   Go opens it), without the server round trip the form makes when JavaScript is off;
// - shows "Expand all" / "Collapse all";
// - filters the task list in place as the reader types: by task code or title, and by an
//   element code (PA.I.C.K2 keeps PA.I.C). Enter still submits the search, which looks
//   through every element's text (learning/acs/search.py).
// Without it the page works as plain HTML.

const DELAY_MS = 150;
const TASK_CODE = /^[A-Z]{2,3}\.[IVXL]+\.[A-Z]$/;

function openAround(target) {
  for (let node = target; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
}

function taskBase() {
  return document.querySelector("form[data-acs-jump]")?.dataset.taskBase || "";
}

function taskUrl(code) {
  return `${taskBase()}${code.toLowerCase()}/`;
}

function goTo(id, { focus = false } = {}) {
  const target = id && document.getElementById(id);
  if (!target) {
    // An element of the old one-page standard: its home is now its task's page.
    const task = id.split(".").slice(0, 3).join(".");
    if (TASK_CODE.test(task) && task !== id && taskBase()) {
      window.location.replace(`${taskUrl(task)}#${id}`);
    }
    return;
  }
  openAround(target);
  target.scrollIntoView({ block: "start" });
  if (focus) target.querySelector("a")?.focus({ preventScroll: true });
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
  if (window.location.hash) goTo(idFromHash());
}

function setUpJump(form) {
  const select = form.querySelector("select");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (select.value) window.location.assign(taskUrl(select.value));
  });
  // Choosing shows the task in the list but leaves focus in the select, so arrowing
  // through it works; Go (or Enter) opens the task.
  select.addEventListener("change", () => {
    const row = select.value && document.getElementById(select.value);
    if (!row) return;
    document.querySelectorAll(".acs-task-row.is-chosen").forEach((r) => r.classList.remove("is-chosen"));
    row.classList.add("is-chosen");
    openAround(row);
    row.scrollIntoView({ block: "center" });
  });
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

// --- Filtering the task list in place ----------------------------------------------

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
  return [...document.querySelectorAll("li.acs-task-row")].map((row) => ({
    row,
    area: row.closest("details.acs-area"),
    code: row.dataset.code,
    title: row.querySelector(".acs-task-row__title")?.textContent.toLowerCase() || "",
  }));
}

function filter(index, value, status) {
  const terms = [...new Set(value.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
  const prefix = terms.length === 1 ? normalizeCode(value.trim()) : "";
  const shownAreas = new Set();
  let tasks = 0;
  index.forEach(({ row, area, code, title }) => {
    const hit =
      !terms.length ||
      codeMatches(code, prefix) ||
      codeMatches(prefix, code) || // an element code: its task
      terms.every((term) => title.includes(term));
    row.hidden = !hit;
    if (hit) {
      tasks += 1;
      shownAreas.add(area);
    }
  });
  document.querySelectorAll("details.acs-area").forEach((area) => {
    area.hidden = !shownAreas.has(area);
    area.open = terms.length > 0 && !area.hidden;
  });
  const query = value.trim();
  if (!terms.length) status.textContent = "";
  else if (!tasks) status.textContent = `No task title matches “${query}”. Press Search to look through every element.`;
  else {
    const plural = tasks === 1 ? "task matches" : "tasks match";
    status.textContent = `${tasks} ${plural} “${query}”. Press Search to look through every element.`;
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
