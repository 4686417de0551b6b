/* sphinx-edition: move each note beside the text down to the line of its number, without
 * overlapping the note before it.  Not a file the page loads: it is written into pages with
 * notes right after the text (assets.py), so that it runs before the page is first drawn and
 * the text does not move when the notes find their places; notes.js calls it again when a
 * note opens or the window changes. */
window.edAlignNotes = function () {
  "use strict";
  var boxes = [].slice.call(document.querySelectorAll(".ed-paragraph.ed-has-notes"));
  var all = document.querySelectorAll(".ed-paragraph.ed-has-notes > .ed-note");
  all.forEach(function (note) { if (note.style.marginTop) note.style.marginTop = ""; });
  if (!all.length || getComputedStyle(all[0]).gridColumnStart !== "2") return; /* not beside */
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
};
(function () {
  "use strict";
  /* The note the address names is shown (notes.css) before the browser applies :target. */
  var named = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (named && named.matches(".ed-note")) named.setAttribute("data-ed-target", "");
  window.edAlignNotes();
})();
