// Suggests councils (by any of their names) and themes under the search box.
// Without JavaScript the form is a plain GET search; this only adds links.
(function () {
  "use strict";
  var form = document.querySelector("[data-module='se-autocomplete']");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name='q']");
  var box = form.querySelector(".se-autocomplete");
  var url = form.getAttribute("data-autocomplete-url");
  var timer = null;
  var latest = 0;

  function clear() { box.hidden = true; box.textContent = ""; }

  function group(title, entries) {
    if (!entries.length) { return null; }
    var section = document.createElement("div");
    var heading = document.createElement("p");
    heading.className = "govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1";
    heading.textContent = title;
    var list = document.createElement("ul");
    list.className = "govuk-list govuk-body-s";
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "govuk-link";
      link.href = entry.url;
      link.textContent = entry.name;
      item.appendChild(link);
      if (entry.also_known_as && entry.also_known_as.length) {
        item.appendChild(document.createTextNode(" (" + entry.also_known_as.join(", ") + ")"));
      }
      list.appendChild(item);
    });
    section.appendChild(heading);
    section.appendChild(list);
    return section;
  }

  function show(data) {
    clear();
    var parts = [group("Councils", data.councils), group("Themes", data.themes)].filter(Boolean);
    if (!parts.length) { return; }
    parts.forEach(function (part) { box.appendChild(part); });
    box.hidden = false;
  }

  input.setAttribute("aria-controls", box.id);
  box.setAttribute("aria-live", "polite");
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { clear(); return; }
    timer = window.setTimeout(function () {
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && ticket === latest) { show(data); } })
        .catch(clear);
    }, 200);
  });
  input.addEventListener("keydown", function (event) { if (event.key === "Escape") { clear(); } });
})();
