// Progressive enhancements; every page works without them.
import { initEnhancedForms } from "./enhance.js";
import { initLessonProgress } from "./lesson-progress.js";
import { initQuiz } from "./quiz.js";
import { initThemeToggle } from "./theme-toggle.js";
import { initVideoFacades } from "./video-facade.js";

// The header's menus are <details data-menu> (they open and close without JavaScript);
// this only closes them the way people expect of a menu: on a click elsewhere, on
// Escape (focus goes back to the button), and when the other menu opens.
function initHeaderMenus(root = document) {
  const menus = () => root.querySelectorAll("details[data-menu][open]");
  root.addEventListener("click", (event) => {
    menus().forEach((menu) => {
      // The phone menu's panel is the rest of the header; the account menu holds its own.
      const scope = menu.classList.contains("menu-toggle") ? menu.closest("header") : menu;
      if (!scope.contains(event.target)) menu.open = false;
    });
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    menus().forEach((menu) => {
      const hadFocus = menu.parentElement.contains(document.activeElement);
      menu.open = false;
      if (hadFocus) menu.querySelector("summary").focus();
    });
  });
  root.querySelectorAll("details[data-menu]").forEach((menu) => {
    menu.addEventListener("toggle", () => {
      if (!menu.open) return;
      menus().forEach((other) => {
        if (other !== menu && !other.contains(menu)) other.open = false;
      });
    });
  });
}

const toggle = document.querySelector("[data-theme-toggle]");
if (toggle && document.documentElement.dataset.themeSource === "device") {
  initThemeToggle(toggle);
}
initHeaderMenus();
initVideoFacades();
initEnhancedForms();
initLessonProgress();
initQuiz();
