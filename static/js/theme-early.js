// Runs before first paint so a guest's chosen theme does not flash. Signed-in users'
// theme comes from their saved preferences, rendered by the server.
(function () {
  var root = document.documentElement;
  if (root.dataset.themeSource !== "device") return;
  try {
    var saved = localStorage.getItem("groundschool-theme");
    if (saved === "light" || saved === "dark" || saved === "system") root.dataset.theme = saved;
  } catch (e) { /* storage blocked: keep "system" */ }
})();
