/* memcon reader: keep the "Cite this" box on the printed page in view (progressive enhancement;
   without JavaScript the box cites the document and lists every page's citation). */
(function () {
  "use strict";
  var current = document.getElementById("citation-current");
  if (!current) { return; }
  var whole = current.textContent;
  var byAnchor = {};
  document.querySelectorAll(".page-citations li[data-anchor]").forEach(function (li) {
    var c = li.querySelector(".citation");
    if (c) { byAnchor[li.getAttribute("data-anchor")] = { page: li.getAttribute("data-page"), text: c.textContent }; }
  });
  var markers = Array.prototype.slice.call(document.querySelectorAll(".doc-text .page[id]"));
  if (!markers.length) { return; }
  var label = document.createElement("p");
  label.className = "hint page-in-view";
  label.setAttribute("aria-live", "polite");
  current.parentNode.insertBefore(label, current);
  var ticking = false;
  function update() {
    ticking = false;
    var inView = null;
    for (var i = 0; i < markers.length; i++) {
      if (markers[i].getBoundingClientRect().top <= window.innerHeight * 0.35) { inView = markers[i]; } else { break; }
    }
    var found = inView ? byAnchor[inView.id] : null;
    if (!found && markers[0].classList.contains("page-start")) { found = byAnchor[markers[0].id]; }
    current.textContent = found ? found.text : whole;
    current.setAttribute("data-page", found ? found.page : "");
    label.textContent = found ? "Page in view: " + found.page : "";
  }
  window.addEventListener("scroll", function () {
    if (!ticking) { ticking = true; window.requestAnimationFrame(update); }
  }, { passive: true });
  update();
}());
