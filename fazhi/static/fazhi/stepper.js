// Drives work the server does in steps (an import batch, a report bundle): every box with a
// data-process-url POSTs to it until the answer says "finished", updating the box's <progress> and
// .step-count. Each answer is also sent to the page's own script as the event "fazhi:progress" on the
// box. Progress is kept on the server, so a reload picks up from there; without JavaScript the
// "继续处理" button (form.step-continue) does one step. A box with data-reload-when-finished reloads
// the page at the end (to show what the server renders then, e.g. the download link).
(function () {
  function drive(box) {
    var form = box.querySelector("form.step-continue");
    if (!form) { return; }
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var bar = box.querySelector("progress");
    var count = box.querySelector(".step-count");

    function show(progress) {
      bar.max = progress.total; bar.value = progress.done;
      count.textContent = progress.done + "/" + progress.total;
      box.dispatchEvent(new CustomEvent("fazhi:progress", {detail: progress}));
      if (progress.finished) {
        form.remove();
        if (box.hasAttribute("data-reload-when-finished")) { window.location.reload(); }
      }
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
        // busy: another process (the worker) is on it; ask less often while it works
        if (!progress.finished) { setTimeout(step, progress.busy ? 1000 : 200); }
      }).catch(function () {
        count.textContent += "（连接中断，请点击“继续处理”或刷新页面）";
      });
    }
    step();
  }
  document.querySelectorAll("[data-process-url]").forEach(drive);
})();
