/* sphinx-edition: the notes beside the text, their ways back to it, and the reading switch.
 * Not a file the page loads: it is written into pages with notes right after the text
 * (assets.py), so that it runs before the page is first drawn (the head script holds the
 * page until then).  Notes are placed, opened and given their buttons and links before that
 * first picture, so that nothing moves when the page appears; afterwards this script places
 * them again when a note opens or the window changes. */
(function () {
  "use strict";
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
  /* A note's way back to the text, for narrow screens, where a note opens on its own (in
     the page itself only for an EPUB: the same words on every note would weigh 4 kB). */
  document.querySelectorAll("aside.ed-note").forEach(function (note) {
    if (note.querySelector(":scope > .ed-note-back")) return;
    var back = document.createElement("a");
    back.className = "ed-note-back";
    back.href = "#ref-" + note.id;
    back.textContent = say("back");
    note.appendChild(back);
  });
  var root = document.documentElement;
  /* The id an address's fragment names.  A malformed escape (#%E0) is taken as written:
     decodeURIComponent would throw, and the notes would be left without their buttons. */
  function idOf(hash) {
    try { return decodeURIComponent(hash.slice(1)); } catch (e) { return hash.slice(1); }
  }
  var BESIDE = "(min-width: 62em)";  /* where notes.css sets the notes beside the text */
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
  /* Move each note beside the text down to the line of its number, without overlapping the
     note before it. */
  function align() {
    var boxes = [].slice.call(document.querySelectorAll(".ed-paragraph.ed-has-notes"));
    var all = document.querySelectorAll(".ed-paragraph.ed-has-notes > .ed-note");
    all.forEach(function (note) { if (note.style.marginTop) note.style.marginTop = ""; });
    if (!all.length || !beside(all[0])) return;
    /* Measure everything first, then move: one layout, however many notes.  The notes of a
       paragraph are stacked, so each one's move moves those after it by as much. */
    var plans = boxes.map(function (box) {
      var origin = box.getBoundingClientRect().top;
      return [].slice.call(box.querySelectorAll(":scope > .ed-note")).map(function (note) {
        var ref = document.getElementById("ref-" + note.id);
        var rect = note.getBoundingClientRect();
        return {
          note: note,
          want: ref ? ref.getBoundingClientRect().top - origin : null,
          top: rect.top - origin,
          height: rect.height
        };
      });
    });
    plans.forEach(function (plan) {
      var floor = 0, moved = 0;
      plan.forEach(function (item) {
        if (item.want === null) return;
        var top = item.top + moved;
        var shift = Math.max(0, Math.max(item.want, floor) - top);
        if (shift) item.note.style.marginTop = shift + "px";
        moved += shift;
        floor = top + shift + item.height + 8;
      });
    });
  }
  /* The media query first (it is notes.css's): on a phone, asking for a note's style while
     the page is still being read would make the browser work out the style of the whole page
     once more before it is drawn. */
  function beside(note) {
    return matchMedia(BESIDE).matches && getComputedStyle(note).gridColumnStart === "2";
  }

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
    var note = noteOf(idOf(location.hash));
    if (note && !isOpen(note)) show(note);
    else refresh();
  }
  /* Its number opens the note even when the note is already the page's target. */
  document.addEventListener("click", function (event) {
    var ref = event.target instanceof Element ? event.target.closest("a.ed-note-ref") : null;
    if (ref) show(noteOf(idOf(ref.hash)));
  });
  document.addEventListener("focusin", function (event) {
    var inside = event.target instanceof Element ? event.target.closest(".ed-note-body") : null;
    var note = inside ? inside.parentElement : null;
    if (note && note.matches(NOTE) && beside(note)) show(note);
  });
  /* The note the address names is shown (notes.css) before the browser applies :target. */
  var named = document.getElementById(idOf(location.hash));
  if (named && named.matches(".ed-note")) named.setAttribute("data-ed-target", "");
  window.addEventListener("hashchange", function () {
    /* :target applies now: the mark put on the note named on arrival goes. */
    document.querySelectorAll(".ed-note[data-ed-target]").forEach(function (note) {
      note.removeAttribute("data-ed-target");
    });
    openTarget();
  });
  window.addEventListener("resize", refresh);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(refresh);
  openTarget();
})();
