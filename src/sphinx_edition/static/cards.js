/* sphinx-edition: the hover cards.  Loaded by sphinx-edition.js with cards.css and the site's
 * cards (ed-cards.js, window.edCards) the first time a reader points at or tabs to a link; it
 * then shows that link's card (window.edCard) and listens for itself.  A link whose target has
 * a card shows it beside the link on hover and on keyboard focus; Escape or moving away hides
 * it. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here || window.edCard) return; /* loaded again, when a retry follows a failed load */
  var root = new URL("..", here).href;
  var card = null, owner = null, timer = null;
  /* The cards' words, in the edition's language: the build writes them into the page
     (script#ed-strings; render/words.py).  A place "{name}" in them takes values[name]. */
  var words = {};
  try {
    words = JSON.parse(document.getElementById("ed-strings").textContent).cards || {};
  } catch (e) { /* a page without them: the words stay empty */ }
  function say(name, values) {
    return (words[name] || "").replace(/\{(\w+)\}/g, function (place, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : place;
    });
  }

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
    /* Where the card's link leads ("Register"), and the entry's name when it has one. */
    var more = part("a", "", data.t ? say("link", { where: data.w || "", title: data.t }) : data.w,
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
    var cards = window.edCards || {};
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
  }
  window.edCard = show;
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

