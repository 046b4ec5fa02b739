// Forms marked data-enhance post in the background and swap in the server's fragment,
// so notes, bookmarks, progress and votes change without a page reload. The same forms
// post normally without JavaScript (see site/pages/fragments.py for the protocol).
// data-target: CSS selector of the element the returned HTML replaces (default: the form).
// data-reset: clear the form after a successful post (e.g. "add a note").

const status = () => document.getElementById("live-status");

function announce(text) {
  const region = status();
  if (region && text) {
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 50);
  }
}

// After a swap, keyboard focus goes to the first control of the new fragment, else to
// the fragment itself, never back to the top of the page.
function refocus(replacement, hadFocus) {
  if (!hadFocus || !replacement.isConnected) return;
  const focusable = replacement.querySelector(
    "button:not([disabled]), a[href], input:not([type=hidden]), textarea, select"
  );
  const target = focusable || replacement;
  if (!focusable) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
}

function swap(target, html) {
  if (html === null || html === undefined || !target) return;
  const hadFocus = target.contains(document.activeElement);
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  const replacement = template.content.firstElementChild;
  if (replacement) {
    target.replaceWith(template.content);
    refocus(replacement, hadFocus);
    document.dispatchEvent(new CustomEvent("enhance:swapped", { detail: replacement }));
  } else {
    target.remove();
  }
}

async function submit(form, submitter) {
  const target = form.dataset.target ? document.querySelector(form.dataset.target) : form;
  const buttons = form.querySelectorAll("button, input[type=submit]");
  const body = new FormData(form, submitter);
  form.setAttribute("aria-busy", "true");
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "application/json" },
    });
    const data = await response.json();
    if (response.ok && form.hasAttribute("data-reset")) form.reset();
    swap(target, data.html);
    announce(data.error || data.message);
  } catch (error) {
    announce("That did not save. Check your connection and try again.");
  } finally {
    form.removeAttribute("aria-busy");
    buttons.forEach((button) => { button.disabled = false; });
  }
}

export function initEnhancedForms(root = document) {
  root.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-enhance]");
    if (!form || !window.fetch) return;
    event.preventDefault();
    submit(form, event.submitter);
  });
}
