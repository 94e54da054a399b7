// Starts the widgets that sit below the first screen (the fill-in form, the decision matrix) after
// the page has loaded and the theme has started, one widget per frame. Started while the page was
// parsed, their hundreds of controls were restyled with the whole page each time the theme's
// start-up restyles it (four times); the measurements are in benchmarks/RESULTS.md. They are
// hidden until started, a fraction of a second after the page loads.
(function () {
  "use strict";
  var queue = [];

  function next() {
    if (!queue.length) { window.HandbookLater.done = true; return; }  // what a check of the whole page waits for
    var start = queue.shift();
    window.requestAnimationFrame(function () { window.setTimeout(next); });  // the next one once this one is drawn
    start();
  }

  window.HandbookLater = function (start) { queue.push(start); };
  window.addEventListener("load", function () {
    window.requestAnimationFrame(function () { window.setTimeout(next); });  // after the theme's first frame
  });
})();
