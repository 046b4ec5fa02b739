// Click-to-load video: the provider's player (and its cookies) load only when the
// learner presses play. Without JavaScript the link opens the video on its own site.
export function initVideoFacades(root = document) {
  for (const facade of root.querySelectorAll("[data-video-embed]")) {
    const link = facade.querySelector("a");
    if (!link) continue;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const frame = document.createElement("iframe");
      frame.src = facade.dataset.videoEmbed;
      frame.title = facade.dataset.videoTitle || "Video";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      facade.replaceChildren(frame);
      frame.focus();
    });
  }
}
