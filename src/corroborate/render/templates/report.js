// Open every collapsed block for printing; expand or collapse them all at once; and when a
// mention's link is followed, open its article's kept text and mark the span it points to.
(function () {
  var blocks = function () { return document.querySelectorAll("details"); };
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(blocks(), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });
  var button = document.getElementById("toggle-all");
  if (button) {
    button.addEventListener("click", function () {
      var open = button.textContent === "Expand all";
      blocks().forEach(function (d) { d.open = open; });
      button.textContent = open ? "Collapse all" : "Expand all";
    });
  }
  function unmark() {
    document.querySelectorAll("mark.span").forEach(function (m) {
      m.replaceWith(document.createTextNode(m.textContent));
    });
    document.querySelectorAll(".kept p").forEach(function (p) { p.normalize(); });
  }
  function mark(article, start, end) {
    var first = null;
    article.querySelectorAll(".kept p[data-start]").forEach(function (p) {
      var from = Number(p.dataset.start), node = p.firstChild;
      if (!node || end <= from || start >= from + node.length) { return; }
      var range = document.createRange();
      range.setStart(node, Math.max(start - from, 0));
      range.setEnd(node, Math.min(end - from, node.length));
      var m = document.createElement("mark");
      m.className = "span";
      range.surroundContents(m);
      first = first || m;
    });
    return first;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-start]");
    if (!link) { return; }
    var article = document.getElementById(link.getAttribute("href").slice(1));
    if (!article) { return; }
    event.preventDefault();
    unmark();
    var kept = article.querySelector("details.kept");
    if (kept) { kept.open = true; }
    var found = mark(article, Number(link.dataset.start), Number(link.dataset.end));
    (found || article).scrollIntoView({ block: "center" });
    history.replaceState(null, "", link.getAttribute("href"));
  });
})();
