// Program calendar: an RFC 5545 file of the sessions at the program's own cadence (weekly,
// fortnightly, quarterly), built in this browser and handed to the reader as a download. Each
// session's UTC instant is computed from its own local date, so clock changes are handled.
(function () {
  "use strict";
  function zoneOffset(instant, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    }).formatToParts(new Date(instant)).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
  }

  function localToUtc(year, month, day, hour, minute, zone) {
    var guess = Date.UTC(year, month - 1, day, hour, minute);
    var utc = guess - zoneOffset(guess, zone);
    return guess - zoneOffset(utc, zone); // second pass settles days when clocks change
  }

  function icsStamp(ms) {
    return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }

  // RFC 5545 3.1: lines longer than 75 octets are folded, never inside a UTF-8 character.
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = new TextEncoder().encode(ch).length;
      if (octets + size > 75) { out.push(current); current = " "; octets = 1; }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n");
  }

  function buildCalendar(program, sessions, minutes, everyWeeks, date, time, zone) {
    var d = date.split("-").map(Number);
    var t = time.split(":").map(Number);
    var now = icsStamp(Date.now());
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Technical Leadership Handbook//Program calendar//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:" + zone];
    sessions.forEach(function (title, i) {
      var day = new Date(Date.UTC(d[0], d[1] - 1, d[2] + 7 * everyWeeks * i));
      var start = localToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), t[0], t[1], zone);
      lines.push("BEGIN:VEVENT", "UID:" + program + "-" + (i + 1) + "-" + icsStamp(start) + "@handbook",
        "DTSTAMP:" + now, "DTSTART:" + icsStamp(start), "DTEND:" + icsStamp(start + minutes * 60000),
        "SUMMARY:" + icsText(title),
        "DESCRIPTION:" + icsText("Session " + (i + 1) + " of " + sessions.length + ", starting " + time + " " + zone + "."),
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function mountCalendar(form) {
    var select = form.querySelector("select");
    var here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [here];
    if (zones.indexOf("UTC") === -1) zones.unshift("UTC");
    zones.forEach(function (zone) {
      var option = document.createElement("option");
      option.value = option.textContent = zone;
      option.selected = zone === here;
      select.appendChild(option);
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = form.elements.date.value;
      var time = form.elements.time.value;
      var status = form.querySelector(".hb-calendar__status");
      if (!date || !time) { status.textContent = "Choose a date and a start time first."; return; }
      var text = buildCalendar(form.dataset.hbCalendar, JSON.parse(form.dataset.hbSessions),
        Number(form.dataset.hbMinutes), Number(form.dataset.hbEveryWeeks || 1), date, time, select.value);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
      link.download = form.dataset.hbCalendar + ".ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      var every = Number(form.dataset.hbEveryWeeks || 1);
      status.textContent = "Calendar file created with " + JSON.parse(form.dataset.hbSessions).length +
        " sessions, " + (every === 1 ? "a week" : every + " weeks") + " apart.";
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-calendar]"), mountCalendar);
})();
