// Wagtail's rich text editor (Draftail) and tag input (tag-it) add text boxes that carry no
// accessible name; give each the label of the field it belongs to.
(function () {
  "use strict";

  // The field's own input (Draftail's hidden one, tag-it's original) is the one its label
  // is for; in a panel that label is the panel's heading.
  function labelOf(box) {
    var field = box.closest("[data-field]");
    var input = field && field.querySelector("input[id], textarea[id]");
    var label = input && document.querySelector("label[for='" + CSS.escape(input.id) + "']");
    if (label && !label.id) {
      label.id = input.id + "-label";
    }
    return label;
  }

  function name(box) {
    if (box.hasAttribute("aria-labelledby") || box.hasAttribute("aria-label")) {
      return;
    }
    var label = labelOf(box);
    if (label) {
      box.setAttribute("aria-labelledby", label.id);
    }
  }

  var BOXES = ".public-DraftEditor-content[role='textbox'], .tagit-new input";

  function nameAll(root) {
    root.querySelectorAll(BOXES).forEach(name);
  }

  function start() {
    nameAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            if (node.matches(BOXES)) {
              name(node);
            }
            nameAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
