// Progressive enhancements; every page works without them.
import { initEnhancedForms } from "./enhance.js";
import { initLessonProgress } from "./lesson-progress.js";
import { initQuiz } from "./quiz.js";
import { initThemeToggle } from "./theme-toggle.js";
import { initVideoFacades } from "./video-facade.js";

const toggle = document.querySelector("[data-theme-toggle]");
if (toggle && document.documentElement.dataset.themeSource === "device") {
  initThemeToggle(toggle);
}
initVideoFacades();
initEnhancedForms();
initLessonProgress();
initQuiz();
