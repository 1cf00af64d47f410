/* memcon search: brush the date histogram (press on a bar, drag across others, release) to narrow
   the search to that span.  Progressive enhancement: without JavaScript each bar is a link. */
(function () {
  "use strict";
  var bars = Array.prototype.slice.call(document.querySelectorAll("ol.histogram a[data-from]"));
  if (bars.length < 2) { return; }
  var start = null, end = null;
  function clear() { bars.forEach(function (b) { b.classList.remove("brushed"); }); }
  function paint() {
    clear();
    if (start === null || end === null) { return; }
    var lo = Math.min(start, end), hi = Math.max(start, end);
    for (var i = lo; i <= hi; i++) { bars[i].classList.add("brushed"); }
  }
  bars.forEach(function (bar, i) {
    bar.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      start = end = i; paint(); e.preventDefault();
    });
    bar.addEventListener("pointerenter", function () { if (start !== null) { end = i; paint(); } });
  });
  document.addEventListener("pointerup", function () {
    if (start === null) { return; }
    var lo = Math.min(start, end), hi = Math.max(start, end);
    start = end = null;
    if (lo === hi) { clear(); return; }  /* one bar: its link does it */
    var url = new URL(window.location.href);
    url.searchParams.set("from", bars[lo].getAttribute("data-from"));
    url.searchParams.set("to", bars[hi].getAttribute("data-to"));
    url.searchParams.delete("page");
    window.location.assign(url.toString());
  });
  document.querySelectorAll("ol.histogram").forEach(function (h) {
    h.setAttribute("title", "Click a bar, or drag across bars to choose a span");
  });
}());
