// Taking a quiz: every change of an answer is saved in the background (a lost
// connection retries until it gets through), and a countdown follows the server's
// deadline, submitting the form when time is up. Without JavaScript the form's own
// "Save answers" and "Submit" buttons post every answer at once.

const SAVE_DELAY_MS = 600;
const RETRY_DELAYS_MS = [2000, 5000, 10000, 20000, 30000];
const WARN_AT_SECONDS = 60;

function announce(text) {
  const region = document.getElementById("live-status");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

function isAnswered(fieldset) {
  if (fieldset.querySelector("input[type=radio]:checked, input[type=checkbox]:checked")) return true;
  const text = fieldset.querySelector("input[type=text]");
  return Boolean(text && text.value.trim());
}

function answeredCount(form) {
  return [...form.querySelectorAll("fieldset[data-question]")].filter(isAnswered).length;
}

function setStatus(fieldset, text, failed = false) {
  const status = fieldset.querySelector("[data-save-status]");
  if (!status) return;
  status.textContent = text;
  status.classList.toggle("quiz-question__status--error", failed);
}

function initAutosave(form) {
  const url = form.dataset.autosaveUrl;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
  const states = new Map();
  let leaving = false;

  const stateOf = (fieldset) => {
    if (!states.has(fieldset)) {
      states.set(fieldset, { timer: 0, retries: 0, busy: false, again: false, pending: false });
    }
    return states.get(fieldset);
  };

  function schedule(fieldset, delay = SAVE_DELAY_MS) {
    const state = stateOf(fieldset);
    state.pending = true;
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(() => save(fieldset), delay);
  }

  function retry(fieldset) {
    const state = stateOf(fieldset);
    const delay = RETRY_DELAYS_MS[Math.min(state.retries, RETRY_DELAYS_MS.length - 1)];
    state.retries += 1;
    setStatus(fieldset, "Not saved — retrying", true);
    schedule(fieldset, delay);
  }

  function answerBody(fieldset) {
    const id = fieldset.dataset.question;
    const body = new FormData();
    body.append("question", id);
    fieldset.querySelectorAll(`input[name="answer-${id}"]:checked`).forEach((input) => {
      body.append("choice", input.value);
    });
    const text = fieldset.querySelector(`input[name="text-${id}"]`);
    body.append("text", text ? text.value : "");
    return body;
  }

  async function save(fieldset) {
    const state = stateOf(fieldset);
    if (leaving) return;
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    setStatus(fieldset, "Saving…");
    try {
      const response = await fetch(url, {
        method: "POST",
        body: answerBody(fieldset),
        credentials: "same-origin",
        headers: {
          "X-CSRFToken": csrf ? csrf.value : "",
          "X-Requested-With": "fetch",
          Accept: "application/json",
        },
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok && data.saved) {
        state.retries = 0;
        state.pending = state.again;
        setStatus(fieldset, "Saved");
        const counter = form.querySelector("[data-answered-count]");
        if (counter) counter.textContent = String(answeredCount(form));
      } else if (response.status >= 500 || response.status === 429 || !response.status) {
        retry(fieldset);
      } else {
        // Refused for good (time up, already submitted, not part of this attempt).
        state.pending = false;
        setStatus(fieldset, `Not saved: ${data.error || "the server refused this answer."}`, true);
        announce(data.error || "Your answer was not saved.");
      }
    } catch (error) {
      retry(fieldset);
    } finally {
      state.busy = false;
      if (state.again) {
        state.again = false;
        schedule(fieldset, 0);
      }
    }
  }

  form.addEventListener("change", (event) => {
    const fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) schedule(fieldset);
  });
  form.addEventListener("input", (event) => {
    const fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset && event.target.type === "text") schedule(fieldset);
  });
  // Enter in an answer box saves that answer instead of posting the whole form.
  form.addEventListener("keydown", (event) => {
    const fieldset = event.target.closest("fieldset[data-question]");
    if (event.key === "Enter" && fieldset && event.target.type === "text") {
      event.preventDefault();
      schedule(fieldset, 0);
    }
  });
  window.addEventListener("online", () => {
    states.forEach((state, fieldset) => { if (state.pending) schedule(fieldset, 0); });
  });
  form.addEventListener("submit", () => { leaving = true; });
  window.addEventListener("beforeunload", (event) => {
    const unsaved = [...states.values()].some((state) => state.pending || state.busy);
    if (unsaved && !leaving) event.preventDefault();
  });
  return () => { leaving = true; };
}

function initConfirm(form) {
  const details = form.querySelector("[data-quiz-confirm]");
  const button = form.querySelector("[data-quiz-submit]");
  if (!details || !button) return;
  details.open = true;
  details.classList.add("quiz-submit--direct");
  button.addEventListener("click", (event) => {
    const total = form.querySelectorAll("fieldset[data-question]").length;
    const left = total - answeredCount(form);
    const unanswered = left ? ` ${left} of ${total} questions have no answer.` : "";
    const question = `Submit your answers?${unanswered} You cannot change them afterwards.`;
    if (!window.confirm(question)) event.preventDefault();
  });
}

function formatClock(seconds) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

// The deadline is the server's: the offset between the server's "now" (rendered with the
// page) and this device's clock corrects a device whose clock is wrong.
function initCountdown(form, stopSaving) {
  const box = document.querySelector("[data-quiz-countdown]");
  if (!box) return;
  const deadline = Date.parse(box.dataset.deadline);
  const serverNow = Date.parse(box.dataset.now);
  const clock = box.querySelector("[data-countdown-clock]");
  if (Number.isNaN(deadline) || Number.isNaN(serverNow) || !clock) return;
  const offset = serverNow - Date.now();
  let warned = false;
  let timer = 0;

  function tick() {
    const left = Math.max(0, Math.ceil((deadline - (Date.now() + offset)) / 1000));
    clock.textContent = formatClock(left);
    box.classList.toggle("quiz-timer--low", left <= WARN_AT_SECONDS);
    if (left > 0 && left <= WARN_AT_SECONDS && !warned) {
      warned = true;
      announce("One minute left. Your answers will be submitted when time is up.");
    }
    if (left === 0) {
      window.clearInterval(timer);
      announce("Time is up. Submitting your answers.");
      if (stopSaving) stopSaving();
      HTMLFormElement.prototype.submit.call(form);
    }
  }

  tick();
  timer = window.setInterval(tick, 1000);
}

export function initQuiz(root = document) {
  const form = root.querySelector("form[data-quiz-form]");
  if (!form) return;
  initConfirm(form);
  const stopSaving = window.fetch && form.dataset.autosaveUrl ? initAutosave(form) : null;
  initCountdown(form, stopSaving);
}
