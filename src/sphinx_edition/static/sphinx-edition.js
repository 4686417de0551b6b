/* sphinx-edition: files of the site's own _static folder that a page loads only when a reader
 * first needs them (the hover cards, the cite dialog).  Each is loaded once; whatever asks for
 * it meanwhile waits for it.  If it fails to load, the next request tries again. */
var edLoad = (function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var done = {}, waiting = {};
  return function (names, then) {
    var key = names.join(" ");
    if (!here) return;
    if (done[key]) { then(); return; }
    if (waiting[key]) { waiting[key].push(then); return; }
    waiting[key] = [then];
    names.forEach(function (name) {
      var url = new URL(name, here).href;
      if (/\.css$/.test(name)) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = url;
        document.head.appendChild(style);
        return;
      }
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () {
        var queue = waiting[key];
        done[key] = true;
        delete waiting[key];
        queue.forEach(function (f) { f(); });
      };
      script.onerror = function () { delete waiting[key]; };
      document.head.appendChild(script);
    });
  };
})();

/* sphinx-edition: the reading switch and the sidenotes' alignment. */
(function () {
  "use strict";
  var root = document.documentElement;
  /* Names are the editor's, in any script: each keeps its direction to itself (dir=auto, as
     <bdi>), so that a right-to-left name does not turn the words after it around.  Here, not
     in the CSS: an EPUB's style sheet may not use unicode-bidi. */
  var names = ".ed-entry-title strong, .ed-alt";
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

/* sphinx-edition: hover cards for mentions, glossary terms and citations.
 * The cards of the whole site are in one file, _static/ed-cards.js, loaded the first time a
 * reader points at or tabs to a link (the browser keeps it for the other pages).  A link whose
 * target has a card shows it beside the link on hover and on keyboard focus; Escape or moving
 * away hides it.  Without JavaScript the links still lead to the entries. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var root = new URL("..", here).href;
  var cards = {}, card = null, owner = null, timer = null;

  /* The link's target as the cards are keyed: "people.html#person-kosygin". */
  function target(link) {
    if (!(link instanceof HTMLAnchorElement) || !link.hash) return null;
    if (link.classList.contains("headerlink") || link.closest(".ed-card")) return null;
    var url = link.href.split("#")[0].split("?")[0];
    if (url.indexOf(root) !== 0) return null;
    var anchor = decodeURIComponent(link.hash);
    return [url.slice(root.length) + anchor, anchor];
  }
  function part(tag, name, text, parent) {
    var node = document.createElement(tag);
    if (name) node.className = name;
    if (text) node.textContent = text;
    parent.appendChild(node);
    return node;
  }
  function fill(data, key) {
    if (!card) {
      card = part("div", "ed-card", "", document.body);
      card.id = "ed-card";
      card.setAttribute("role", "tooltip");
      card.addEventListener("mouseenter", function () { clearTimeout(timer); });
      card.addEventListener("mouseleave", later);
      card.addEventListener("focusout", function (event) {
        if (!card.contains(event.relatedTarget) && event.relatedTarget !== owner) hide();
      });
    }
    card.textContent = "";
    var head = part("p", "ed-card-title", "", card);
    /* Names are the editor's, in any script: each keeps its direction to itself. */
    if (data.t) part("strong", "", data.t, head).dir = "auto";
    part("span", "ed-card-kind", data.k, head);
    if (data.d) part("span", "ed-card-dates", data.d, head);
    if (data.s) part("p", "ed-card-summary", data.s, card);
    var more = part("a", "", (data.w || "More") + (data.t ? ": " + data.t : ""),
      part("p", "ed-card-more", "", card));
    more.href = key.charAt(0) === "#" ? key : root + key;
    more.dir = "auto";
  }
  function hide() {
    clearTimeout(timer);
    if (card) card.hidden = true;
    if (owner) {
      owner.removeAttribute("aria-describedby");
      if (owner.dataset.edTitle) { owner.title = owner.dataset.edTitle; delete owner.dataset.edTitle; }
    }
    owner = null;
  }
  function later() { clearTimeout(timer); timer = setTimeout(hide, 250); }
  function show(link) {
    var keys = target(link);
    if (!keys) return;
    clearTimeout(timer);
    edLoad(["ed-cards.js"], function () {
      cards = window.edCards || {};
      var data = cards[keys[0]] || cards[keys[1]];
      /* Still wanted?  The pointer or the focus may have moved on while the cards loaded. */
      if (!data || !(link.matches(":hover") || link === document.activeElement)) return;
      if (owner && owner !== link) hide();
      fill(data, cards[keys[0]] ? keys[0] : keys[1]);
      owner = link;
      link.setAttribute("aria-describedby", card.id);
      /* The card says it; the browser's tooltip would cover it. */
      if (link.title) { link.dataset.edTitle = link.title; link.removeAttribute("title"); }
      card.hidden = false;
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
    });
  }
  function linkOf(event) {
    return event.target instanceof Element ? event.target.closest("a[href]") : null;
  }
  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (link && link !== owner) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event);
    if (link && link === owner && !link.contains(event.relatedTarget)) later();
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    var link = linkOf(event);
    /* Only this link's card: the next link may already have shown its own. */
    if (link && link === owner && !(card && card.contains(event.relatedTarget))) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) {
      var back = owner; hide(); back.focus();
    }
  });
})();

/* sphinx-edition: "cite" beside each ¶ number.  The dialog it opens (cite.js and cite.css) is
 * loaded the first time a reader presses one.  Without JavaScript there is no button, and the
 * ¶ number is still the paragraph's permalink. */
(function () {
  "use strict";
  if (!document.getElementById("ed-cite-data")) return;
  document.querySelectorAll(".ed-paragraph[data-n] a.ed-pnum").forEach(function (number) {
    var n = number.closest(".ed-paragraph").getAttribute("data-n");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ed-cite";
    button.textContent = "cite";
    button.title = "Cite this paragraph";
    button.setAttribute("aria-label", "Cite paragraph " + n);
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", function () {
      edLoad(["cite.css", "cite.js"], function () { window.edCite(n, button); });
    });
    number.after(button);
  });
})();
