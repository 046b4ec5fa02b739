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

function swap(target, html) {
  if (html === null || html === undefined || !target) return;
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  const replacement = template.content.firstElementChild;
  if (replacement) {
    target.replaceWith(template.content);
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
