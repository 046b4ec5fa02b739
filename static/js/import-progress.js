// Import progress: poll the job's status JSON and update the <progress> bar in place.
// Without JS the page's meta refresh (only sent while running) does the same job.
const box = document.querySelector("[data-import-status][data-running]");

if (box) {
  // The meta refresh would reload the page under us; JS takes over instead.
  document.querySelector('meta[http-equiv="refresh"]')?.remove();
  const bar = box.querySelector("progress");
  const label = box.querySelector("[data-import-label]");

  const poll = async () => {
    try {
      const response = await fetch(box.dataset.importStatus, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const job = await response.json();
      if (bar && job.total) {
        bar.max = job.total;
        bar.value = job.processed;
        bar.textContent = `${job.percent}%`;
      }
      if (label) label.textContent = job.label;
      box.querySelector("[data-import-queued]")?.toggleAttribute("hidden", !job.queued);
      if (job.finished) {
        window.location.reload();
        return;
      }
    } catch {
      // A dropped request is retried on the next tick.
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1000);
}
