// Regulation pages: announce the pasal a link lands on, and open the table of contents on wide screens.
// A static file (no inline script), so the Content Security Policy needs no exception.
(function () {
    "use strict";

    // Move focus to the target of the URL's #fragment, so screen readers read the pasal's heading.
    function focusTarget() {
        var id = decodeURIComponent(window.location.hash.slice(1));
        if (!id) {
            return;
        }
        var target = document.getElementById(id);
        if (!target || !target.closest(".regulation-text")) {
            return;
        }
        if (!target.hasAttribute("tabindex")) {
            target.setAttribute("tabindex", "-1");
        }
        // The browser has already scrolled (honouring scroll-margin-top): focus without moving again.
        target.focus({ preventScroll: true });
    }

    // The table of contents starts folded on phones and open where there is room for it.
    function openWideToc() {
        if (window.matchMedia("(min-width: 48em)").matches) {
            document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
                details.open = true;
            });
        }
    }

    function start() {
        openWideToc();
        focusTarget();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
    window.addEventListener("hashchange", focusTarget);
})();
