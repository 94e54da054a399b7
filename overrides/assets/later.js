// Starts the widgets that sit below the first screen (the fill-in form, the decision matrix) after
// the page has loaded and the theme has started, one widget per frame. Started while the page was
// parsed, their hundreds of controls were restyled with the whole page each time the theme's
// start-up restyles it (four times); the measurements are in benchmarks/RESULTS.md. They are
// hidden until started, a fraction of a second after the page loads. It also loads, on demand,
// the scripts that only one of their actions needs (HandbookLater.script).
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

  // A script that only one action needs (markdown.js, for "copy as rich text") loads the first
  // time a reader takes that action, from the folder this script came from: a promise of it.
  var folder = document.currentScript.src.replace(/[^/]*$/, "");
  var loading = {};
  window.HandbookLater.script = function (name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = folder + name;
        tag.onload = resolve;
        tag.onerror = function () { delete loading[name]; reject(new Error("could not load " + name)); };
        document.head.appendChild(tag);
      });
    }
    return loading[name];
  };
  window.addEventListener("load", function () {
    window.requestAnimationFrame(function () { window.setTimeout(next); });  // after the theme's first frame
  });
})();
