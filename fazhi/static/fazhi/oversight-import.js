// The import batch page: fazhi/stepper.js asks the server to read the next files until all are done;
// this shows each answer in the table of files (result, link to the imported report, reason).
(function () {
  var box = document.getElementById("import-batch");
  var table = document.getElementById("import-items");
  if (!box || !table) { return; }
  box.addEventListener("fazhi:progress", function (event) {
    event.detail.items.forEach(function (item) {
      var row = table.querySelector('tr[data-position="' + item.position + '"]');
      if (!row) { return; }
      row.querySelector(".status").textContent = item.status_display;
      var detail = row.querySelector(".detail");
      detail.textContent = "";
      if (item.report) {
        var a = document.createElement("a");
        a.href = "../../imported/" + item.report + "/";
        a.textContent = item.report_title;
        detail.appendChild(a);
        detail.appendChild(document.createTextNode(" "));
      }
      detail.appendChild(document.createTextNode(item.error || ""));
    });
  });
})();
