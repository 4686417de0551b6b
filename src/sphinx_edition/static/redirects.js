/* Fragment redirects: an address with an id that an earlier release published and this one
   renamed, moved or merged (edition_redirects) lands on the id's new place.  The build writes
   the page's old ids and their new addresses into this script's data-redirects attribute; the
   script is loaded only by pages that have some. */
(function () {
  "use strict";
  var script = document.currentScript;
  var moved = JSON.parse((script && script.getAttribute("data-redirects")) || "{}");

  function follow() {
    var id = location.hash.slice(1);
    /* A malformed escape (#%E0) is taken as written, instead of stopping the script. */
    try { id = decodeURIComponent(id); } catch (e) { /* as written */ }
    if (id && Object.prototype.hasOwnProperty.call(moved, id)) {
      /* replace(): the old address does not stay in the history for Back to return to. */
      location.replace(moved[id]);
    }
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
