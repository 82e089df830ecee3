// The sidebar's groups open or fold as the user leaves them (kept in this browser, per group title); a group the
// user never touched keeps the server's choice (open: the user's own areas and the group of the page shown).
(function () {
  var KEY = "fazhi.sidebar.folded";
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }
  var folded = {};
  try { folded = JSON.parse(store.getItem(KEY) || "{}") || {}; } catch (e) { folded = {}; }
  document.querySelectorAll("nav.sidebar details[data-nav-group]").forEach(function (group) {
    var name = group.getAttribute("data-nav-group");
    var current = group.querySelector("a[aria-current=page]");
    if (!current && Object.prototype.hasOwnProperty.call(folded, name)) { group.open = !folded[name]; }
    group.addEventListener("toggle", function () {
      folded[name] = !group.open;
      try { store.setItem(KEY, JSON.stringify(folded)); } catch (e) { /* private mode: not remembered */ }
    });
  });
})();
