// Session runner: runs a timed agenda full screen for the person facilitating. The current
// block counts down with the next block beside it; space pauses, arrow keys move between
// blocks, + and - change the current block's minutes. State is kept in this browser
// (localStorage, "handbook:runner:v1:<program>/<unit>") after every change, so a reload or
// a sleeping laptop resumes where the session is. Nothing is sent anywhere. Screen readers
// hear block changes and the one-minute warning, never the ticking seconds.
(function () {
  "use strict";
  var PREFIX = "handbook:runner:v1:";
  var TICK_MS = 250;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clock(seconds) {
    var sign = seconds < 0 ? "−" : "";
    var s = Math.abs(Math.round(seconds));
    return sign + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function minutesText(seconds) {
    var m = Math.round(Math.abs(seconds) / 60);
    return m + (m === 1 ? " minute" : " minutes");
  }

  function load(key, count) {
    try {
      var value = JSON.parse(window.localStorage.getItem(PREFIX + key));
      if (value && value.v === 1 && value.elapsed.length === count && value.minutes.length === count &&
          value.index >= 0 && value.index < count) return value;
    } catch (e) { /* missing, unreadable or from another agenda: start afresh */ }
    return null;
  }

  function save(key, state) {
    try { window.localStorage.setItem(PREFIX + key, JSON.stringify(state)); } catch (e) { /* not kept */ }
  }

  function forget(key) {
    try { window.localStorage.removeItem(PREFIX + key); } catch (e) { /* nothing to forget */ }
  }

  function chime() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var audio = new Context();
    [660, 880].forEach(function (frequency, i) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, audio.currentTime + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.15, audio.currentTime + i * 0.35 + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + i * 0.35 + 0.6);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.35);
      tone.stop(audio.currentTime + i * 0.35 + 0.65);
    });
  }

  function mount(root) {
    var plan = JSON.parse(root.dataset.hbRunner);
    var blocks = plan.blocks;
    var start = root.querySelector("[data-hb-runner-start]");
    var restart = el("button", { type: "button", class: "md-button" }, "Start again");
    var state = load(plan.key, blocks.length);

    function fresh() {
      return { v: 1, index: 0, elapsed: blocks.map(function () { return 0; }),
        minutes: blocks.map(function (b) { return b.minutes; }), since: null, sound: false, warned: -1, ended: -1 };
    }

    function labelButtons() {
      if (state) {
        start.textContent = "Resume this session (block " + (state.index + 1) + " of " + blocks.length + ")";
        if (!restart.isConnected) start.after(" ", restart);
      } else {
        start.textContent = "Run this session";
        restart.remove();
      }
    }

    var view = null;
    var timer = null;

    function elapsedNow(i) {
      var extra = state.since !== null && i === state.index ? Date.now() - state.since : 0;
      return state.elapsed[i] + extra / 1000;
    }

    function bank() {  // fold the running stretch into the current block's elapsed time
      if (state.since !== null) {
        var now = Date.now();
        state.elapsed[state.index] += (now - state.since) / 1000;
        state.since = now;
      }
    }

    function schedule() {  // projected finish minus scheduled finish, in seconds
      var projected = 0;
      var planned = 0;
      blocks.forEach(function (b, i) {
        planned += b.minutes * 60;
        if (i < state.index) projected += elapsedNow(i);
        else if (i === state.index) projected += Math.max(elapsedNow(i), state.minutes[i] * 60);
        else projected += state.minutes[i] * 60;
      });
      return projected - planned;
    }

    function announce(text) { view.live.textContent = text; }

    function describe(i) {
      return "Block " + (i + 1) + " of " + blocks.length + ": " + blocks[i].activity + ", " +
        minutesText(state.minutes[i] * 60) + ".";
    }

    function render() {
      var i = state.index;
      var left = state.minutes[i] * 60 - elapsedNow(i);
      view.position.textContent = "Block " + (i + 1) + " of " + blocks.length;
      view.activity.textContent = blocks[i].activity;
      view.prompt.textContent = blocks[i].prompt;
      view.prompt.hidden = !blocks[i].prompt;
      view.left.textContent = clock(left);
      view.left.setAttribute("aria-label", minutesText(left) + (left < 0 ? " over" : " left"));
      view.next.textContent = i + 1 < blocks.length
        ? "Next: " + blocks[i + 1].activity + " (" + minutesText(state.minutes[i + 1] * 60) + ")"
        : "Next: the end of the session";
      var delta = schedule();
      view.schedule.textContent = Math.abs(delta) < 30 ? "On schedule"
        : minutesText(delta) + (delta > 0 ? " over schedule" : " under schedule");
      view.box.classList.toggle("hb-runner--paused", state.since === null);
      view.box.classList.toggle("hb-runner--warning", left <= 60 && left > 0);
      view.box.classList.toggle("hb-runner--over", left <= 0);
      view.pause.textContent = state.since === null ? "Resume (space)" : "Pause (space)";
      view.pause.setAttribute("aria-pressed", state.since === null ? "true" : "false");
      view.previous.disabled = i === 0;
      view.nextButton.textContent = i + 1 < blocks.length ? "Next block (→)" : "Finish (→)";
      view.sound.setAttribute("aria-pressed", state.sound ? "true" : "false");
      view.sound.textContent = state.sound ? "Sound on" : "Sound off";
      if (left <= 60 && left > 0 && state.warned !== i) {
        state.warned = i;
        announce("One minute left in " + blocks[i].activity + ".");
      }
      if (left <= 0 && state.ended !== i) {
        state.ended = i;
        announce("Time is up for " + blocks[i].activity + ".");
        if (state.sound) chime();
      }
    }

    function persist() { save(plan.key, state); }

    function go(index) {
      bank();
      state.index = Math.max(0, Math.min(blocks.length - 1, index));
      persist();
      announce(describe(state.index));
      render();
    }

    function togglePause() {
      if (state.since === null) {
        state.since = Date.now();
        announce("Running. " + describe(state.index));
      } else {
        bank();
        state.since = null;
        announce("Paused.");
      }
      persist();
      render();
    }

    function adjust(minutes) {
      var i = state.index;
      state.minutes[i] = Math.max(1, state.minutes[i] + minutes);
      if (state.minutes[i] * 60 > elapsedNow(i)) state.ended = -1;
      if (state.minutes[i] * 60 - elapsedNow(i) > 60) state.warned = -1;
      persist();
      announce(blocks[i].activity + " now " + minutesText(state.minutes[i] * 60) + ".");
      render();
    }

    function finish() {
      bank();
      state.since = null;
      forget(plan.key);
      state = null;
      close();
    }

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var target = event.target;
      var key = event.key;
      if (key === " " && target.tagName === "BUTTON" && target !== view.pause) return;  // let buttons click
      var actions = {
        " ": togglePause,
        ArrowRight: function () { if (state.index + 1 < blocks.length) go(state.index + 1); else finish(); },
        ArrowLeft: function () { go(state.index - 1); },
        "+": function () { adjust(1); },
        "=": function () { adjust(1); },
        "-": function () { adjust(-1); },
        "−": function () { adjust(-1); },
        Escape: close,
      };
      if (key === "Tab") { trap(event); return; }
      if (actions[key]) {
        event.preventDefault();
        actions[key]();
      }
    }

    function trap(event) {
      var focusable = Array.prototype.slice.call(view.box.querySelectorAll("button:not([disabled])"));
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }

    function button(text, action, attrs) {
      var b = el("button", Object.assign({ type: "button", class: "md-button" }, attrs || {}), text);
      b.addEventListener("click", action);
      // A mouse click leaves the focus where it was, so space keeps meaning "pause", not "click again".
      b.addEventListener("mousedown", function (event) { event.preventDefault(); });
      return b;
    }

    function open() {
      if (!state) state = fresh();
      var box = el("div", { class: "hb-runner__view", role: "dialog", "aria-modal": "true",
        "aria-labelledby": "hb-runner-title", tabindex: "-1" });
      var header = el("div", { class: "hb-runner__header" });
      header.appendChild(el("h2", { id: "hb-runner-title", class: "hb-runner__title" }, plan.title));
      var position = el("p", { class: "hb-runner__position" });
      header.appendChild(position);
      box.appendChild(header);
      var activity = el("p", { class: "hb-runner__activity" });
      var left = el("p", { class: "hb-runner__left", role: "timer" });
      var prompt = el("p", { class: "hb-runner__prompt" });
      var next = el("p", { class: "hb-runner__next" });
      var schedule = el("p", { class: "hb-runner__schedule" });
      [activity, left, prompt, next, schedule].forEach(function (n) { box.appendChild(n); });
      var controls = el("div", { class: "hb-runner__controls", role: "group", "aria-label": "Session controls" });
      var previous = button("Previous block (←)", function () { go(state.index - 1); });
      var pause = button("", togglePause, { class: "md-button md-button--primary" });
      var nextButton = button("", function () { if (state.index + 1 < blocks.length) go(state.index + 1); else finish(); });
      var less = button("−1 minute (−)", function () { adjust(-1); });
      var more = button("+1 minute (+)", function () { adjust(1); });
      var sound = button("", function () { state.sound = !state.sound; persist(); render(); });
      var exit = button("Close (Esc)", close);
      [previous, pause, nextButton, less, more, sound, exit].forEach(function (b) { controls.appendChild(b); });
      box.appendChild(controls);
      var live = el("p", { class: "hb-runner__live", "aria-live": "polite" });
      box.appendChild(live);
      view = { box: box, position: position, activity: activity, left: left, prompt: prompt, next: next,
        schedule: schedule, previous: previous, pause: pause, nextButton: nextButton, sound: sound, live: live };
      document.body.appendChild(box);
      document.documentElement.classList.add("hb-runner-open");
      document.addEventListener("keydown", onKey);
      if (box.requestFullscreen) box.requestFullscreen().catch(function () { /* windowed is fine */ });
      persist();
      render();
      box.focus();
      announce((state.since === null ? "Paused at " : "") + describe(state.index) + " Press space to " +
        (state.since === null ? "start." : "pause."));
      timer = window.setInterval(function () {
        render();
        if (state && state.since !== null) persist();
      }, TICK_MS);
    }

    function close() {
      if (!view) return;
      window.clearInterval(timer);
      document.removeEventListener("keydown", onKey);
      if (state) { bank(); persist(); }
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
      view.box.remove();
      view = null;
      document.documentElement.classList.remove("hb-runner-open");
      labelButtons();
      start.focus();
    }

    start.addEventListener("click", open);
    restart.addEventListener("click", function () { forget(plan.key); state = null; open(); });
    document.addEventListener("fullscreenchange", function () {
      if (!document.fullscreenElement && view && view.box.isConnected) view.box.focus();
    });
    labelButtons();
    root.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hb-runner]"), mount);
})();
