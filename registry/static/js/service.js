// The service page's "Cetak daftar persyaratan" button: print the checklist with the summary
// (place, hours, cost) and the date of the information, nothing else. Without JavaScript the
// button stays hidden and the browser's own print prints the whole page.
(function () {
    "use strict";
    var buttons = document.querySelectorAll("[data-print-checklist]");
    if (!buttons.length || typeof window.print !== "function") {
        return;
    }
    function printChecklist() {
        document.body.classList.add("print-checklist");
        window.print();
    }
    window.addEventListener("afterprint", function () {
        document.body.classList.remove("print-checklist");
    });
    buttons.forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", printChecklist);
    });
})();
