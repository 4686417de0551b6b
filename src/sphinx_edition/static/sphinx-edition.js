/* sphinx-edition: files of the site's own _static folder that a page loads only when a reader
 * first needs them (the hover cards, the cite dialog).  Each set is loaded once, style sheets
 * included (so that nothing shows unstyled), scripts run in the order given; whatever asks for
 * it meanwhile waits for it.  If a file fails to load, the next request tries again. */
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
    var pending = names.length, failed = false;
    function loaded() {
      if (--pending || failed) return;
      var queue = waiting[key];
      done[key] = true;
      delete waiting[key];
      queue.forEach(function (f) { f(); });
    }
    function lost() { failed = true; delete waiting[key]; }
    names.forEach(function (name) {
      var url = new URL(name, here).href, file;
      if (/\.css$/.test(name)) {
        file = document.createElement("link");
        file.rel = "stylesheet";
        file.href = url;
      } else {
        file = document.createElement("script");
        file.async = false;
        file.src = url;
      }
      file.onload = loaded;
      file.onerror = lost;
      document.head.appendChild(file);
    });
  };
})();

/* sphinx-edition: names the editor wrote, in any script. */
(function () {
  "use strict";
  /* Names are the editor's, in any script: each keeps its direction to itself (dir=auto, as
     <bdi>), so that a right-to-left name does not turn the words after it around.  Here, not
     in the CSS: an EPUB's style sheet may not use unicode-bidi. */
  var names = ".ed-entry-title strong, .ed-alt";
  document.querySelectorAll(names).forEach(function (name) { name.dir = "auto"; });
})();

/* sphinx-edition: hover cards for mentions, glossary terms and citations.  The code that shows
 * them (cards.js, cards.css) and the cards of the whole site (ed-cards.js, written by the build)
 * are loaded the first time a reader points at or tabs to a link within the page or the site;
 * the browser keeps them for the other pages.  Without JavaScript the links still lead to the
 * entries. */
(function () {
  "use strict";
  function first(event) {
    if (window.edCard) return; /* loaded: cards.js listens for itself */
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || !link.hash || link.classList.contains("headerlink")) return;
    edLoad(["cards.css", "cards.js", "ed-cards.js"], function () { window.edCard(link); });
  }
  document.addEventListener("mouseover", first);
  document.addEventListener("focusin", first);
})();

/* sphinx-edition: "cite" beside each ¶ number.  The buttons are in the page, hidden without
 * JavaScript (the ¶ number is still the paragraph's permalink) and drawn with the page when
 * scripts run (sphinx-edition.css); the dialog they open (cite.js and cite.css) is loaded the
 * first time a reader presses one. */
(function () {
  "use strict";
  if (!document.getElementById("ed-cite-data")) return;
  document.querySelectorAll(".ed-paragraph[data-n] button.ed-cite").forEach(function (button) {
    var n = button.closest(".ed-paragraph").getAttribute("data-n");
    button.addEventListener("click", function () {
      edLoad(["cite.css", "cite.js"], function () { window.edCite(n, button); });
    });
    button.hidden = false;
  });
})();
