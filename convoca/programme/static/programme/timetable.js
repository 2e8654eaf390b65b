/* The secretariat's timetable: native HTML5 drag and drop that posts a move through htmx.
 *
 * A session card (article[data-session]) is dragged onto a cell of the grid (td[data-drop=slot],
 * carrying its room and start time) or onto the "Unscheduled" list ([data-drop=unschedule]).
 * The drop sends the same fields as the card's "Move" form, which works without this file.
 * Listeners sit on the document, so they keep working after htmx swaps the grid.
 */
(function () {
  "use strict";

  var TYPE = "application/x-convoca-session";
  var SLOT_MINUTES = 30;
  var CONTROLS = "input, select, textarea, button, summary, label, form";
  var pressed = null; // where the pointer went down: typing in a card's form is not a drag
  var dragged = null;

  function timetable() {
    return document.getElementById("timetable");
  }

  function inTimetable(element) {
    var root = timetable();
    return root !== null && element !== null && root.contains(element);
  }

  function dropZone(event) {
    var zone = event.target.closest ? event.target.closest("[data-drop]") : null;
    return inTimetable(zone) ? zone : null;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* The start time under the pointer: a cell spanning several half-hours is cut in slots. */
  function startUnder(cell, event) {
    var parts = cell.dataset.start.split(":");
    var minutes = Number(parts[0]) * 60 + Number(parts[1]);
    var span = Number(cell.dataset.span || "1");
    if (span > 1) {
      var box = cell.getBoundingClientRect();
      var offset = Math.floor(((event.clientY - box.top) / box.height) * span);
      minutes += Math.min(Math.max(offset, 0), span - 1) * SLOT_MINUTES;
    }
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function clearHighlight() {
    document.querySelectorAll(".tt-drop-target").forEach(function (element) {
      element.classList.remove("tt-drop-target");
    });
  }

  document.addEventListener("pointerdown", function (event) {
    pressed = event.target;
  });

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest ? event.target.closest("[data-session]") : null;
    if (!inTimetable(card)) {
      return;
    }
    if (pressed !== null && pressed.closest && pressed.closest(CONTROLS) !== null) {
      event.preventDefault();
      return;
    }
    dragged = card;
    event.dataTransfer.setData(TYPE, card.dataset.session);
    event.dataTransfer.setData("text/plain", card.dataset.session);
    event.dataTransfer.effectAllowed = "move";
    card.classList.add("tt-dragging");
  });

  document.addEventListener("dragend", function (event) {
    if (event.target.classList) {
      event.target.classList.remove("tt-dragging");
    }
    dragged = null;
    clearHighlight();
  });

  document.addEventListener("dragover", function (event) {
    var zone = dropZone(event);
    if (zone === null) {
      return;
    }
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "move";
    if (!zone.classList.contains("tt-drop-target")) {
      clearHighlight();
      zone.classList.add("tt-drop-target");
    }
  });

  document.addEventListener("dragleave", function (event) {
    var zone = dropZone(event);
    if (zone !== null && !zone.contains(event.relatedTarget)) {
      zone.classList.remove("tt-drop-target");
    }
  });

  document.addEventListener("drop", function (event) {
    var zone = dropZone(event);
    if (zone === null) {
      return;
    }
    event.preventDefault();
    clearHighlight();
    if (zone.dataset.drop === "unschedule" && dragged !== null && zone.contains(dragged)) {
      return; // already unscheduled
    }
    var session = event.dataTransfer.getData(TYPE) || event.dataTransfer.getData("text/plain");
    var root = timetable();
    var token = root.querySelector("input[name=csrfmiddlewaretoken]");
    if (!session || !token || !window.htmx) {
      return;
    }
    var values = {
      session: session,
      day: root.dataset.day,
      csrfmiddlewaretoken: token.value,
    };
    if (zone.dataset.drop === "unschedule") {
      values.unschedule = "1";
    } else {
      values.room = zone.dataset.room;
      values.date = root.dataset.day;
      values.start = startUnder(zone, event);
    }
    window.htmx.ajax("POST", root.dataset.moveUrl, {
      source: root,
      target: "#timetable",
      swap: "outerHTML",
      values: values,
    });
  });

  /* After a move, keep the keyboard where the person was: on the session or its refusal. */
  document.addEventListener("htmx:afterSettle", function () {
    var focus = document.querySelector("#timetable [data-focus]");
    if (focus !== null) {
      focus.focus({ preventScroll: false });
    }
  });
})();
