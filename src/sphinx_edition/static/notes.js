/* sphinx-edition: the reading switch, and the notes beside the text (loaded only by pages with
 * notes; see assets.py). */
(function () {
  /* The notes' words, in the edition's language: the build writes them into the page
     (script#ed-strings; render/words.py).  A place "{name}" in them takes values[name]. */
  var words = {};
  try {
    words = JSON.parse(document.getElementById("ed-strings").textContent).notes || {};
  } catch (e) { /* a page without them: the words stay empty */ }
  function say(name, values) {
    return (words[name] || "").replace(/\{(\w+)\}/g, function (place, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : place;
    });
  }
  // A note's way back to the text, for narrow screens, where a note opens on its own (in
  // the page itself only for an EPUB: the same words on every note would weigh 4 kB).
  document.querySelectorAll("aside.ed-note").forEach(function (note) {
    if (note.querySelector(":scope > .ed-note-back")) return;
    var back = document.createElement("a");
    back.className = "ed-note-back";
    back.href = "#ref-" + note.id;
    back.textContent = say("back");
    note.appendChild(back);
  });
  "use strict";
  var root = document.documentElement;
  var control = document.querySelector("fieldset.ed-reading");
  if (control) {
    var stored = null;
    try { stored = localStorage.getItem("ed-reading"); } catch (e) { /* private mode */ }
    var current = stored === "corrected" ? "corrected" : "printed";
    control.querySelectorAll("input[name=ed-reading]").forEach(function (input) {
      input.checked = input.value === current;
      input.addEventListener("change", function () {
        if (!input.checked) return;
        if (input.value === "corrected") root.dataset.edReading = "corrected";
        else delete root.dataset.edReading;
        try { localStorage.setItem("ed-reading", input.value); } catch (e) { /* ignore */ }
        refresh();
      });
    });
    control.hidden = false;
  }
  /* notes-align.js, in the page after the text, has placed the notes before it was drawn. */
  var align = window.edAlignNotes || function () {};
  function beside(note) { return getComputedStyle(note).gridColumnStart === "2"; }

  /* Beside the text a long note shows its first lines (notes.css); its "more" button, its
     number in the text and the focus on a link in its explanation open the whole note. */
  root.classList.add("ed-js");
  var NOTE = ".ed-paragraph.ed-has-notes > .ed-note:not(.ed-note-static)";
  var notes = document.querySelectorAll(NOTE);
  function isOpen(note) { return note.classList.contains("ed-note-open"); }
  function buttonOf(note) { return note.querySelector(":scope > .ed-note-more"); }
  function setOpen(note, open) {
    note.classList.toggle("ed-note-open", open);
    var button = buttonOf(note);
    if (!button) return;
    var head = note.querySelector(".ed-note-head > a");
    button.textContent = say(open ? "less" : "more");
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", say(open ? "less_label" : "more_label",
      { n: head ? head.textContent : "" }));
  }
  /* Whether the note, shut, hides something: lines of its explanation, or its sources. */
  function clipped(note) {
    if (note.querySelector(":scope > .ed-note-sources")) return true;
    var body = note.querySelector(":scope > .ed-note-body");
    if (!body) return false;
    var was = isOpen(note);
    note.classList.remove("ed-note-open");
    var more = body.scrollHeight > body.clientHeight + 1;
    if (was) note.classList.add("ed-note-open");
    return more;
  }
  function refresh() {
    /* Buttons only for the notes beside the text (none on a phone), made when first needed;
       then every note is measured, and only then are the buttons changed: one layout, not one
       per note. */
    var side = [].map.call(notes, function (note) { return beside(note); });
    notes.forEach(function (note, i) { if (side[i]) makeButton(note); });
    var hide = [];
    notes.forEach(function (note, i) {
      var button = buttonOf(note);
      if (button) hide.push([button, !side[i] || !clipped(note)]);
    });
    hide.forEach(function (pair) { pair[0].hidden = pair[1]; });
    align();
  }
  function show(note) {
    if (!note || isOpen(note)) return;
    setOpen(note, true);
    refresh();
  }
  function makeButton(note) {
    var body = note.querySelector(":scope > .ed-note-body");
    if (!body || buttonOf(note)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ed-note-more";
    button.addEventListener("click", function () {
      setOpen(note, !isOpen(note));
      refresh();
    });
    body.after(button);
    setOpen(note, isOpen(note));
  }
  function noteOf(id) {
    var note = id ? document.getElementById(id) : null;
    return note && note.matches(NOTE) ? note : null;
  }
  /* On arrival and when the address changes: open the note it names; either way, measure. */
  function openTarget() {
    var note = noteOf(decodeURIComponent(location.hash.slice(1)));
    if (note && !isOpen(note)) show(note);
    else refresh();
  }
  /* Its number opens the note even when the note is already the page's target. */
  document.addEventListener("click", function (event) {
    var ref = event.target instanceof Element ? event.target.closest("a.ed-note-ref") : null;
    if (ref) show(noteOf(decodeURIComponent(ref.hash.slice(1))));
  });
  document.addEventListener("focusin", function (event) {
    var inside = event.target instanceof Element ? event.target.closest(".ed-note-body") : null;
    var note = inside ? inside.parentElement : null;
    if (note && note.matches(NOTE) && beside(note)) show(note);
  });
  window.addEventListener("hashchange", function () {
    /* :target applies now: the mark notes-align.js put on the note named on arrival goes. */
    document.querySelectorAll(".ed-note[data-ed-target]").forEach(function (note) {
      note.removeAttribute("data-ed-target");
    });
    openTarget();
  });
  window.addEventListener("resize", refresh);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(refresh);
  openTarget();
})();
