// Mock oral session: the server shows the minutes used; this counts down to the planned
// end every second, and focuses the question so keyboard users start where it is.

function format(ms) {
  const total = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${minutes}:${seconds}`;
}

function startTimer(timer) {
  const endsAt = Date.parse(timer.dataset.endsAt);
  if (Number.isNaN(endsAt)) return;
  timer.setAttribute("role", "timer");
  const tick = () => {
    const left = endsAt - Date.now();
    timer.textContent = left >= 0 ? `${format(left)} left` : `${format(left)} over time`;
    timer.classList.toggle("orals-timer--over", left < 0);
  };
  tick();
  window.setInterval(tick, 1000);
}

document.querySelectorAll("[data-orals-timer]").forEach(startTimer);

if (new URLSearchParams(window.location.search).has("q")) {
  document.getElementById("question-heading")?.focus({ preventScroll: false });
}
