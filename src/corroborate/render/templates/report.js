// Open every collapsed block for printing, and let a reader expand or collapse them all at once.
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
})();
