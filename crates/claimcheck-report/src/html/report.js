// claimcheck review report: filters by verdict and kind, and links between each highlighted
// claim in the article and its card. The page is complete without this script; it only hides
// what the reader unticks and moves the focus.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-verdict]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.claim"));

  function apply() {
    var off = { verdict: {}, kind: {} };
    boxes.forEach(function (b) {
      if (!b.checked) off[b.getAttribute("data-filter")][b.value] = true;
    });
    var hidden = function (el) {
      return off.verdict[el.getAttribute("data-verdict")] || off.kind[el.getAttribute("data-kind")];
    };
    var shown = 0;
    cards.forEach(function (c) {
      var h = !!hidden(c);
      c.hidden = h;
      if (!h) shown += 1;
    });
    marks.forEach(function (m) {
      m.classList.toggle("off", !!hidden(m));
    });
    document.querySelectorAll("[data-shown]").forEach(function (o) {
      o.textContent = shown === cards.length
        ? "all " + cards.length + " claims shown"
        : shown + " of " + cards.length + " claims shown";
    });
  }

  function select(ref, scrollCard) {
    document.querySelectorAll(".selected").forEach(function (e) {
      e.classList.remove("selected");
    });
    var card = document.getElementById(ref);
    document.querySelectorAll('mark.claim[data-ref="' + ref + '"]').forEach(function (m) {
      m.classList.add("selected");
    });
    if (card) {
      card.classList.add("selected");
      if (scrollCard) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }

  boxes.forEach(function (b) {
    b.addEventListener("change", apply);
  });
  marks.forEach(function (m) {
    var ref = m.getAttribute("data-ref");
    m.addEventListener("click", function (e) {
      e.stopPropagation();
      select(ref, true);
    });
    m.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(ref, true);
      }
    });
  });
  cards.forEach(function (c) {
    var ref = c.getAttribute("data-ref");
    c.addEventListener("mouseenter", function () {
      marks.forEach(function (m) {
        if (m.getAttribute("data-ref") === ref) m.classList.add("hover");
      });
    });
    c.addEventListener("mouseleave", function () {
      marks.forEach(function (m) {
        m.classList.remove("hover");
      });
    });
    var loc = c.querySelector("a.loc");
    if (loc) {
      loc.addEventListener("click", function (e) {
        var mark = document.getElementById("m-" + ref);
        if (!mark) return;
        e.preventDefault();
        select(ref, false);
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
        mark.focus({ preventScroll: true });
      });
    }
  });
  apply();
})();
