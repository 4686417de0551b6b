/* sphinx-edition: the reading switch and the sidenotes' alignment. */
(function () {
  "use strict";
  var root = document.documentElement;
  /* Names are the editor's, in any script: each keeps its direction to itself (dir=auto, as
     <bdi>), so that a right-to-left name does not turn the words after it around.  Here, not
     in the CSS: an EPUB's style sheet may not use unicode-bidi. */
  var names = ".ed-card-title strong, .ed-card-more a, .ed-entry-title strong, .ed-alt";
  document.querySelectorAll(names).forEach(function (name) { name.dir = "auto"; });
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
        align();
      });
    });
    control.hidden = false;
  }
  /* Move each margin note down to the line of its number, without overlapping the last. */
  function align() {
    document.querySelectorAll(".ed-paragraph.ed-has-notes").forEach(function (box) {
      var floor = 0;
      box.querySelectorAll(":scope > .ed-note").forEach(function (note) {
        note.style.marginTop = "";
        if (getComputedStyle(note).gridColumnStart !== "2") return;
        var ref = document.getElementById("ref-" + note.id);
        if (!ref) return;
        var want = ref.getBoundingClientRect().top - box.getBoundingClientRect().top;
        var top = note.getBoundingClientRect().top - box.getBoundingClientRect().top;
        var shift = Math.max(0, Math.max(want, floor) - top);
        note.style.marginTop = shift + "px";
        floor = note.getBoundingClientRect().bottom - box.getBoundingClientRect().top + 8;
      });
    });
  }
  align();
  window.addEventListener("resize", align);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(align);
})();

/* sphinx-edition: hover cards for mentions and glossary terms.
 * Each page carries hidden cards (div.ed-card), one per entry or term it links to; a card's
 * own link names its target.  Any link in the page to the same target shows the card beside
 * it on hover and on keyboard focus; Escape or moving away hides it.  Without JavaScript the
 * links still lead to the entries. */
(function () {
  "use strict";
  var cards = document.querySelectorAll("div.ed-card");
  if (!cards.length) return;
  var byTarget = {};
  cards.forEach(function (card) {
    var link = card.querySelector(".ed-card-more a");
    if (link) byTarget[link.href] = card;
  });
  var shown = null, owner = null, timer = null;

  function hide() {
    clearTimeout(timer);
    if (shown) { shown.hidden = true; shown.classList.remove("ed-card-open"); }
    shown = null; owner = null;
  }
  function later() { clearTimeout(timer); timer = setTimeout(hide, 250); }
  function show(link, card) {
    clearTimeout(timer);
    if (shown && shown !== card) hide();
    shown = card; owner = link;
    card.hidden = false;
    card.classList.add("ed-card-open");
    var rect = link.getBoundingClientRect();
    var width = Math.min(card.offsetWidth || 320, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + window.scrollY + 6;
    if (rect.bottom + card.offsetHeight + 12 > window.innerHeight && rect.top > card.offsetHeight + 12) {
      top = rect.top + window.scrollY - card.offsetHeight - 6;
    }
    card.style.left = left + "px";
    card.style.top = top + "px";
  }
  document.querySelectorAll("a[href]").forEach(function (link) {
    if (link.closest(".ed-card")) return;
    var card = byTarget[link.href];
    if (!card) return;
    link.setAttribute("aria-describedby", card.id);
    link.removeAttribute("title"); /* the card says it; the browser's tooltip would cover it */
    link.addEventListener("mouseenter", function () { show(link, card); });
    link.addEventListener("mouseleave", later);
    link.addEventListener("focus", function () { show(link, card); });
    link.addEventListener("blur", function () {
      /* Only this link's card: the next link may already have shown its own. */
      setTimeout(function () {
        if (owner === link && !card.contains(document.activeElement)) hide();
      }, 0);
    });
  });
  cards.forEach(function (card) {
    card.addEventListener("mouseenter", function () { clearTimeout(timer); });
    card.addEventListener("mouseleave", later);
    card.addEventListener("focusout", function (event) {
      if (!card.contains(event.relatedTarget) && event.relatedTarget !== owner) hide();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      var back = owner; hide(); if (back) back.focus();
    }
  });
})();
