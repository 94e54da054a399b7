// Start here: route the reader's answers to a learning path with the same first-match rule the
// build uses in Python (macros/loader.py, Handbook.route).
(function () {
  "use strict";
  function route(routes, answers) {
    for (var i = 0; i < routes.length; i += 1) {
      var when = routes[i].when;
      var matches = Object.keys(when).every(function (q) { return answers[q] === when[q]; });
      if (matches) return routes[i].path;
    }
    return null;
  }

  function mountChooser(form) {
    var routes = JSON.parse(form.dataset.hbRoutes);
    var paths = JSON.parse(form.dataset.hbPaths);
    var result = form.querySelector(".hb-chooser__result");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (input) {
        answers[input.name] = input.value;
      });
      var path = paths[route(routes, answers)];
      result.textContent = "";
      if (!path) { result.textContent = "Answer both questions to see your path."; return; }
      var intro = document.createElement("p");
      intro.textContent = "Your suggested path: ";
      var link = document.createElement("a");
      link.href = path.url;
      link.textContent = path.title;
      link.dataset.hbPath = route(routes, answers);
      intro.appendChild(link);
      var role = document.createElement("p");
      role.textContent = path.role;
      result.appendChild(intro);
      result.appendChild(role);
      // The ordered plan itself, with the time each step takes.
      var plan = document.createElement("ol");
      plan.className = "hb-chooser__plan";
      path.steps.forEach(function (step) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = step.url;
        a.textContent = step.title;
        item.appendChild(a);
        item.appendChild(document.createTextNode(" (" + step.time + "): " + step.why));
        plan.appendChild(item);
      });
      result.appendChild(plan);
      var total = document.createElement("p");
      total.textContent = "About " + path.total + " in all, over " + path.steps.length + " steps. Take them in order.";
      result.appendChild(total);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-hb-chooser]"), mountChooser);
})();
