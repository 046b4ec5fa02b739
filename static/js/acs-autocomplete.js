// ACS code suggestions for the editors' "ACS elements" text boxes (widgets.AcsCodesInput).
// As the editor types, the last code in the box is looked up at data-search-url and a
// <datalist> offers the whole box with that code completed, so the browser's own
// suggestion list (keyboard and screen-reader friendly) does the rest. Without this
// script the box is a plain text field the server checks.
// Loaded as a classic script in the Wagtail admin; listens on the document so question
// forms added to the quiz editor later work too.
(function () {
  "use strict";
  const SELECTOR = "input[data-acs-autocomplete]";
  const DELAY_MS = 200;
  const timers = new WeakMap();

  function parts(value) {
    const match = value.match(/^(.*[,;\s])?([^,;\s]*)$/);
    return { head: (match && match[1]) || "", last: (match && match[2]) || "" };
  }

  function listFor(input) {
    let list = input.list;
    if (!list) {
      list = document.createElement("datalist");
      list.id = `${input.id || input.name}-acs-suggestions`;
      input.insertAdjacentElement("afterend", list);
      input.setAttribute("list", list.id);
    }
    return list;
  }

  async function suggest(input) {
    const { head, last } = parts(input.value);
    const list = listFor(input);
    if (last.length < 2) {
      list.replaceChildren();
      return;
    }
    const url = new URL(input.dataset.searchUrl, window.location.href);
    url.searchParams.set("q", last);
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const { results } = await response.json();
      list.replaceChildren(
        ...results.map(({ code, text }) => {
          const option = document.createElement("option");
          option.value = `${head}${code}`;
          option.label = `${code} ${text}`.slice(0, 120);
          return option;
        })
      );
    } catch (error) {
      list.replaceChildren();
    }
  }

  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(SELECTOR)) return;
    window.clearTimeout(timers.get(input));
    timers.set(input, window.setTimeout(() => suggest(input), DELAY_MS));
  });
})();
