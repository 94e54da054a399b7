// Load the search index only when the reader starts to search. Material requests
// search/search_index.json as every page loads; that is the largest file on the site, and most
// visits never search. This script runs before the theme's bundle and holds that one request
// until the search field takes the focus (however search was opened), then shows
// "Loading the search index" until the index has arrived, so a query typed early is not
// answered with "Type to start searching". Results are the theme's own, from the same index.
(function () {
  "use strict";
  var INDEX = /search\/search_index\.json(?:[?#].*)?$/;
  var release;
  var gate = new Promise(function (resolve) { release = resolve; });
  var state = "waiting";  // waiting -> loading -> ready
  var observer = null;
  var MESSAGE = "Loading the search index…";

  function meta() { return document.querySelector(".md-search-result__meta"); }

  function holdMessage() {
    var box = meta();
    if (!box) return;
    box.textContent = MESSAGE;
    box.setAttribute("role", "status");
    observer = new MutationObserver(function () {
      if (state === "loading" && box.textContent !== MESSAGE) box.textContent = MESSAGE;
    });
    observer.observe(box, { childList: true, characterData: true, subtree: true });
  }

  function start() {
    if (state !== "waiting") return;
    state = "loading";
    holdMessage();
    release();
  }

  function ready() {
    state = "ready";
    if (observer) observer.disconnect();
    var input = document.querySelector("[data-md-component=search-query]");
    // Ask the theme to run the query the reader typed while the index was on its way.
    if (input && input.value) input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // The theme fetches the index with XMLHttpRequest: hold that request's send() until the gate opens.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hbSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.hbSearchIndex) return send.apply(request, args);
    request.addEventListener("loadend", function () { window.setTimeout(ready, 0); });
    gate.then(function () { send.apply(request, args); });
  };

  // Every way of opening search (a click or tap on the search box or its icon, or the s, f and /
  // shortcuts) ends with the theme focusing the query field, so that focus opens the gate.
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]")) start();
  }, true);
  // A shared search link (?q=) searches at once; a result link (?h=) highlights the words it found.
  if (/[?&](q|h)=/.test(window.location.search)) start();
})();
