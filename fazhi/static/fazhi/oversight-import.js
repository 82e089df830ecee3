// Drives an import batch: asks the server to read the next files until all are done, updating the
// progress bar and the table. Progress is kept on the server, so a reload simply picks up from there.
(function () {
  var box = document.getElementById("import-batch");
  if (!box) { return; }
  var form = document.getElementById("import-continue");
  if (!form) { return; }
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var bar = document.getElementById("import-progress");
  var count = document.getElementById("import-count");
  var table = document.getElementById("import-items");

  function show(progress) {
    bar.max = progress.total; bar.value = progress.done;
    count.textContent = progress.done + "/" + progress.total;
    progress.items.forEach(function (item) {
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
    if (progress.finished) { form.remove(); }
  }

  function step() {
    fetch(box.dataset.processUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"X-CSRFToken": token, "Accept": "application/json"}
    }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (progress) {
      show(progress);
      if (!progress.finished) { setTimeout(step, 200); }
    }).catch(function () {
      count.textContent += "（连接中断，请点击“继续处理”或刷新页面）";
    });
  }
  step();
})();
