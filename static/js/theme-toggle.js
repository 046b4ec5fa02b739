// The guest theme button: cycles system -> light -> dark and remembers the choice on
// this device. Without JavaScript the button stays hidden and the device theme applies.
const ORDER = ["system", "light", "dark"];
const LABELS = { system: "match my device", light: "light", dark: "dark" };
const STORAGE_KEY = "groundschool-theme";

export function initThemeToggle(button, root = document.documentElement) {
  const show = (theme) => button.setAttribute("aria-label", `Colour theme: ${LABELS[theme]}`);
  button.hidden = false;
  show(root.dataset.theme);
  button.addEventListener("click", () => {
    const next = ORDER[(ORDER.indexOf(root.dataset.theme) + 1) % ORDER.length];
    root.dataset.theme = next;
    show(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch (e) {
      // Storage blocked: the choice lasts for this page only.
    }
  });
}
