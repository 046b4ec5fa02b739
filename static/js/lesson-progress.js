// Lesson progress for enrolled learners: study time while the lesson is open and
// visible, and for an uploaded video its position, so the player resumes there and 90%
// watched completes the lesson. Without JavaScript learners use "Mark complete".

const BEAT_SECONDS = 30;
const VIDEO_BEAT_SECONDS = 10;
// Leaving within a few seconds of the last beat sends nothing: too little to count.
const MIN_LEAVE_BEAT_SECONDS = 5;

export function initLessonProgress(root = document) {
  const body = root.querySelector("[data-lesson-progress]");
  if (!body || !window.fetch) return;
  const url = body.dataset.heartbeatUrl;
  const video = body.querySelector("video");
  let lastBeat = Date.now();
  let lastVideoBeat = 0;

  async function beat(extra = {}) {
    const now = Date.now();
    const form = new FormData();
    form.append("seconds", String(Math.round((now - lastBeat) / 1000)));
    for (const [key, value] of Object.entries(extra)) form.append(key, String(value));
    lastBeat = now;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: form,
        credentials: "same-origin",
        headers: { "X-CSRFToken": body.dataset.csrf, "X-Requested-With": "fetch" },
        keepalive: true,
      });
      if (!response.ok) return;
      const data = await response.json();
      const panel = document.getElementById("lesson-completion");
      if (panel && data.html && data.completed && !panel.querySelector(".lesson-completion__done")) {
        const template = document.createElement("template");
        template.innerHTML = data.html.trim();
        panel.replaceWith(template.content);
        const status = document.getElementById("live-status");
        if (status) status.textContent = "Lesson complete.";
      }
    } catch (error) {
      // Offline for a moment: the next beat carries the time (capped on the server).
    }
  }

  function videoState() {
    if (!video || !Number.isFinite(video.duration) || video.duration <= 0) return {};
    return { position: Math.floor(video.currentTime), duration: Math.floor(video.duration) };
  }

  if (video) {
    const resumeAt = Number(body.dataset.resumeAt || 0);
    const resume = () => {
      if (resumeAt > 0 && resumeAt < video.duration - 5) video.currentTime = resumeAt;
    };
    if (video.readyState >= 1) resume();
    else video.addEventListener("loadedmetadata", resume, { once: true });
    video.addEventListener("timeupdate", () => {
      if (Date.now() - lastVideoBeat >= VIDEO_BEAT_SECONDS * 1000) {
        lastVideoBeat = Date.now();
        beat(videoState());
      }
    });
    video.addEventListener("pause", () => beat(videoState()));
    video.addEventListener("ended", () => beat(videoState()));
  }

  window.setInterval(() => {
    if (document.visibilityState === "visible") beat(videoState());
  }, BEAT_SECONDS * 1000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      lastBeat = Date.now();
    } else if (Date.now() - lastBeat >= MIN_LEAVE_BEAT_SECONDS * 1000) {
      beat(videoState());
    }
  });
}
