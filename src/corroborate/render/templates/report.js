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
  // Offsets count code points (as Python does); JavaScript strings count UTF-16 units.
  function points(text) { var n = 0; for (var ch of text) { n += 1; } return n; }
  function unit(text, point) {
    var units = 0, n = 0;
    for (var ch of text) { if (n === point) { break; } units += ch.length; n += 1; }
    return units;
  }
  function mark(article, start, end) {
    // Walk the text nodes of each kept paragraph, counting characters from the paragraph's
    // offset in the article, and wrap the part of each node that lies inside [start, end).
    var first = null;
    article.querySelectorAll(".kept p[data-start]").forEach(function (p) {
      var offset = Number(p.dataset.start), nodes = [];
      var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) { nodes.push(walker.currentNode); }
      nodes.forEach(function (node) {
        var from = offset, to = offset + points(node.data);
        offset = to;
        var s = Math.max(start, from), e = Math.min(end, to);
        if (s >= e) { return; }
        var range = document.createRange();
        range.setStart(node, unit(node.data, s - from));
        range.setEnd(node, unit(node.data, e - from));
        var m = document.createElement("mark");
        m.className = "span";
        range.surroundContents(m);
        first = first || m;
      });
    });
    return first;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-spans]");
    if (!link) { return; }
    var article = document.getElementById(link.getAttribute("href").slice(1));
    if (!article) { return; }
    event.preventDefault();
    unmark();
    var kept = article.querySelector("details.kept");
    if (kept) { kept.open = true; }
    var found = null;
    link.dataset.spans.split(" ").forEach(function (span) {
      var ends = span.split("-").map(Number);
      var marked = mark(article, ends[0], ends[1]);
      found = found || marked;
    });
    (found || article).scrollIntoView({ block: "center" });
    history.replaceState(null, "", link.getAttribute("href"));
  });
})();
