/* sphinx-edition: "Cite this paragraph", the dialog.
 * The "cite" button beside each ¶ number (sphinx-edition.js) loads this script the first time
 * it is pressed and calls window.edCite(n, button): a dialog with the paragraph's citation as
 * text, as BibTeX and as CSL-JSON, each with a copy button.  Everything is made here, from the
 * page's own data (script#ed-cite-data): no request leaves the site. */
(function () {
  "use strict";
  var source = document.getElementById("ed-cite-data");
  if (!source) return;
  var meta;
  try { meta = JSON.parse(source.textContent); } catch (e) { return; }
  /* The dialog's words, in the edition's language: the build writes them into the page
     (script#ed-strings; render/words.py).  A place "{name}" in them takes values[name]. */
  var words = {};
  try {
    words = JSON.parse(document.getElementById("ed-strings").textContent).cite || {};
  } catch (e) { /* a page without them: the words stay empty */ }
  function say(name, values) {
    return (words[name] || "").replace(/\{(\w+)\}/g, function (place, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : place;
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  var todayText = today[0] + "-" + pad(today[1]) + "-" + pad(today[2]);

  function person(name) {
    var parts = name.split(/\s*,\s*/);
    return parts.length === 2 ? { family: parts[0], given: parts[1] } : { literal: name };
  }
  function readable(name) {
    var p = person(name);
    return p.literal || p.given + " " + p.family;
  }
  function list(names) {
    if (names.length < 2) return names.join("");
    return names.slice(0, -1).join(", ") + say("and") + names[names.length - 1];
  }
  function paragraphUrl(n) {
    var base = meta.page.url || location.href.split("#")[0];
    return base + "#p" + n;
  }
  function key(n) {
    var words = meta.title.toLowerCase().split(/\s+/).filter(function (w) {
      return ["the", "a", "an"].indexOf(w) < 0;
    });
    return (words[0] || "edition").replace(/[^a-z0-9]/g, "") + (meta.year || "") + "p" + n;
  }
  function tex(value) {
    return String(value).replace(/([&%$#_])/g, "\\$1");
  }

  function citation(n) {
    var editors = list(meta.editors.map(readable));
    return say("text", {
      page: meta.page.title,
      n: n,
      title: meta.title,
      editors: editors ? say("editors", { names: editors }) : "",
      version: meta.version ? say("version", { version: meta.version }) : "",
      year: meta.year ? say("year", { year: meta.year }) : "",
      url: paragraphUrl(n),
      date: todayText
    });
  }
  function bibtex(n) {
    var editors = meta.editors.map(function (name) {
      return person(name).literal ? "{" + tex(name) + "}" : tex(name);
    }).join(" and ");
    var fields = [
      ["title", tex(meta.page.title) + ", \u00b6" + n],
      ["booktitle", tex(meta.title)],
      ["editor", editors],
      ["year", meta.year],
      ["version", meta.version],
      ["url", paragraphUrl(n)],
      ["urldate", todayText],
      ["note", say("note", { n: n })]
    ].filter(function (f) { return f[1]; });
    return "@incollection{" + key(n) + ",\n" + fields.map(function (f) {
      return "  " + f[0] + " = {" + f[1] + "}";
    }).join(",\n") + "\n}";
  }
  function csl(n) {
    var item = {
      id: key(n),
      type: "chapter",
      title: meta.page.title + ", \u00b6" + n,
      "container-title": meta.title,
      editor: meta.editors.map(person),
      URL: paragraphUrl(n),
      accessed: { "date-parts": [today] },
      language: meta.language
    };
    if (meta.year) item.issued = { "date-parts": [[Number(meta.year)]] };
    if (meta.version) item.version = meta.version;
    // CSL 1.0.2's licence variable: the editorial matter's licence (edition_license).
    if (meta.license) item.license = meta.license;
    // Short arrays of numbers (the date parts) stay on one line.
    return JSON.stringify([item], null, 2)
      .replace(/\[\s*(-?\d+(?:,\s*-?\d+)*)\s*\]/g, function (m, inner) {
        return "[" + inner.split(/,\s*/).join(", ") + "]";
      })
      .replace(/\[\s*(\[[^\[\]]*\])\s*\]/g, "[$1]");
  }

  var dialog = document.createElement("dialog");
  dialog.className = "ed-cite-dialog";
  dialog.setAttribute("aria-labelledby", "ed-cite-heading");
  var status = null;

  function section(title, text, pre) {
    var box = document.createElement("section");
    var heading = document.createElement("h2");
    heading.textContent = title;
    var body = document.createElement(pre ? "pre" : "p");
    body.className = "ed-cite-" + (pre ? "code" : "text");
    body.textContent = text;
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "ed-cite-copy";
    copy.textContent = say("copy");
    copy.setAttribute("aria-label", say("copy_label", { format: title }));
    copy.addEventListener("click", function () { copyText(text, body, title); });
    box.append(heading, body, copy);
    return box;
  }
  function copyText(text, element, title) {
    function done() { status.textContent = say("copied", { format: title }); }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(element);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try { document.execCommand("copy"); done(); } catch (e) { status.textContent = say("selected"); }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }
  function open(n, opener) {
    dialog.textContent = "";
    var heading = document.createElement("h2");
    heading.id = "ed-cite-heading";
    heading.className = "ed-cite-title";
    heading.textContent = say("heading", { n: n });
    var link = document.createElement("p");
    var anchor = document.createElement("a");
    anchor.href = paragraphUrl(n);
    anchor.textContent = paragraphUrl(n);
    var around = (words.permalink || "{link}").split("{link}");
    link.append(around[0], anchor, around.slice(1).join(""));
    status = document.createElement("p");
    status.className = "ed-cite-status";
    status.setAttribute("role", "status");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ed-cite-close";
    close.textContent = say("close");
    close.addEventListener("click", function () { dialog.close(); });
    dialog.append(heading, close, link, section(say("citation"), citation(n), false),
      section("BibTeX", bibtex(n), true), section("CSL-JSON", csl(n), true), status);
    dialog.onclose = function () { opener.focus(); };
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "open");
    close.focus();
  }

  document.body.appendChild(dialog);
  window.edCite = open;
})();
