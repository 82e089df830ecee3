// The annual report's editor (reports/edit.html): each part's text beside a live preview, figures as chips.
//
// The text area of each part stays the form field (hidden, kept in step); the clerk edits a plain-text box in
// which every data marker 【数据：名称】 is a chip showing its label and current value. A chip cannot be typed
// into: it is moved by dragging, or with Alt+←/→ when selected, and removed with Delete or its "×". "插入数据"
// adds one of the part's figures at the caret. After each change the whole draft goes to the server
// (report_preview), which composes it exactly as saving would and answers with every part's HTML; the preview
// beside each part is replaced by it. Without JavaScript none of this runs: text areas with markers, a preview
// as of page load, and "恢复默认" as a submit button.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  var dataNode = document.getElementById("report-editor-data");
  if (!form || !dataNode || !("contentEditable" in form)) { return; }
  var config = JSON.parse(dataNode.textContent);
  var chips = config.chips || {};
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var MARKER = /【数据：([^】]*)】/g;
  var parts = {};  // field name → {section, textarea, editor, preview, state, problems, status}
  var dragged = null;  // the chip being dragged
  var leaving = false;  // saving, or a confirmed download: no "leave the page?" question
  var sequence = 0;  // preview answers arriving out of order are dropped
  var timer = null;

  function markerText(name) { return "【数据：" + name + "】"; }

  function normalise(text) {
    return text.split("\n").map(function (line) { return line.trim(); })
      .filter(function (line) { return line; }).join("\n");
  }

  // ---- chips

  function makeChip(name) {
    var info = chips[name] || {label: name, value: "…", known: true};
    var chip = document.createElement("span");
    chip.className = "chip" + (info.known ? "" : " chip-unknown");
    chip.contentEditable = "false";
    chip.draggable = true;
    chip.tabIndex = 0;
    chip.setAttribute("data-marker", name);
    chip.setAttribute("role", "button");
    chip.title = info.known ? "数据：" + info.label + "（拖动可移动，选中后 Alt+←/→ 逐字移动，Delete 删除）"
      : "未知的数据标记，保存时将被拒绝：请删除或改用“插入数据”";
    var label = document.createElement("span");
    label.className = "chip-label";
    label.textContent = info.label;
    var value = document.createElement("span");
    value.className = "chip-value";
    value.textContent = info.value;
    var remove = document.createElement("span");
    remove.className = "chip-remove";
    remove.textContent = "×";
    remove.title = "删除此数据";
    remove.setAttribute("aria-label", "删除" + info.label);
    chip.appendChild(label);
    chip.appendChild(value);
    chip.appendChild(remove);
    return chip;
  }

  function refreshChips() {
    Object.keys(parts).forEach(function (name) {
      parts[name].editor.querySelectorAll(".chip").forEach(function (chip) {
        var info = chips[chip.getAttribute("data-marker")];
        if (!info) { return; }
        chip.querySelector(".chip-label").textContent = info.label;
        chip.querySelector(".chip-value").textContent = info.value;
        chip.classList.toggle("chip-unknown", !info.known);
      });
    });
  }

  // text with markers → nodes (text and chips)
  function fragment(text) {
    var out = document.createDocumentFragment();
    var position = 0;
    text.replace(MARKER, function (whole, name, at) {
      if (at > position) { out.appendChild(document.createTextNode(text.slice(position, at))); }
      out.appendChild(makeChip(name.trim()));
      position = at + whole.length;
      return whole;
    });
    if (position < text.length) { out.appendChild(document.createTextNode(text.slice(position))); }
    return out;
  }

  // the editor's nodes → text with markers (a browser may wrap new lines in <div> or <br>)
  function serialise(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.nodeValue.replace(/\u00a0/g, " ");
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.classList.contains("chip")) {
          out += markerText(child.getAttribute("data-marker"));
        } else if (child.tagName === "BR") {
          out += "\n";
        } else {
          var inner = serialise(child);
          if (/^(DIV|P)$/.test(child.tagName) && out && !out.endsWith("\n")) { out += "\n"; }
          out += inner;
        }
      }
    });
    return out;
  }

  function fill(part, text) {
    part.editor.textContent = "";
    part.editor.appendChild(fragment(text));
  }

  // ---- keeping the form field, the state line and the preview in step

  function changed(part) {
    part.textarea.value = serialise(part.editor);
    showState(part);
    schedulePreview(part);
  }

  function showState(part) {
    var text = normalise(part.textarea.value);
    var standard = normalise(config.defaults[part.name] || "");
    part.state.textContent = !text || text === standard ? "默认稿（随数据更新）" : "已修改，尚未保存";
    part.section.classList.toggle("is-edited", !!text && text !== standard);
  }

  function schedulePreview(part) {
    part.status.textContent = "（更新中…）";
    clearTimeout(timer);
    timer = setTimeout(function () { sendPreview(part); }, 400);
  }

  function sendPreview(part) {
    var body = new FormData();
    body.append("part", part.name);
    body.append("text", part.textarea.value);
    Object.keys(parts).forEach(function (name) { body.append(name, parts[name].textarea.value); });
    var mine = ++sequence;
    fetch(config.previewUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"X-CSRFToken": token, "Accept": "application/json"}
    }).then(function (response) {
      return response.json().catch(function () { return {error: "预览暂不可用（" + response.status + "）"}; });
    }).then(function (answer) {
      if (mine !== sequence) { return; }
      if (answer.error) { part.status.textContent = "（" + answer.error + "）"; return; }
      Object.keys(answer.chips || {}).forEach(function (name) { chips[name] = answer.chips[name]; });
      refreshChips();
      Object.keys(answer.parts).forEach(function (name) {
        if (!parts[name]) { return; }
        parts[name].preview.innerHTML = answer.parts[name];  // the server's HTML (render_html), escaped there
        keepLinksApart(parts[name].preview);
        parts[name].status.textContent = "";
        parts[name].problems.textContent = "";
      });
      part.problems.textContent = (answer.problems || []).join("；");
    }).catch(function () {
      if (mine === sequence) { part.status.textContent = "（预览连接中断，修改仍会在保存时保留）"; }
    });
  }

  // a figure in the preview opens its records in a new tab: leaving the page would lose the draft
  function keepLinksApart(preview) {
    preview.querySelectorAll("a[href]").forEach(function (a) { a.target = "_blank"; a.rel = "noopener"; });
  }

  // ---- caret and moving

  function rangeAt(x, y) {
    if (document.caretRangeFromPoint) { return document.caretRangeFromPoint(x, y); }
    var position = document.caretPositionFromPoint && document.caretPositionFromPoint(x, y);
    if (!position) { return null; }
    var range = document.createRange();
    range.setStart(position.offsetNode, position.offset);
    return range;
  }

  function insertAt(range, node, editor) {
    var chip = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer.closest(".chip")
      : range.startContainer.parentNode.closest(".chip");
    if (chip) {  // dropped on a chip: beside it, never inside
      chip.after(node);
    } else {
      range.insertNode(node);
    }
    editor.normalize();
  }

  function partOf(node) {
    var section = node && node.closest && node.closest(".report-part");
    return section ? parts[section.getAttribute("data-part")] : null;
  }

  // one character (or the chip next to it) to the left or right
  function moveChip(chip, step) {
    var part = partOf(chip);
    var sibling = step < 0 ? chip.previousSibling : chip.nextSibling;
    while (sibling && sibling.nodeType === Node.TEXT_NODE && !sibling.nodeValue) {
      var empty = sibling;
      sibling = step < 0 ? sibling.previousSibling : sibling.nextSibling;
      empty.remove();
    }
    if (!sibling) { return; }
    if (sibling.nodeType === Node.TEXT_NODE) {
      var text = sibling.nodeValue;
      if (step < 0) {
        sibling.nodeValue = text.slice(0, -1);
        chip.after(document.createTextNode(text.slice(-1)));
      } else {
        sibling.nodeValue = text.slice(1);
        chip.before(document.createTextNode(text.charAt(0)));
      }
    } else if (step < 0) {
      sibling.before(chip);
    } else {
      sibling.after(chip);
    }
    part.editor.normalize();
    chip.focus();
    changed(part);
  }

  function removeChip(chip) {
    var part = partOf(chip);
    chip.remove();
    part.editor.normalize();
    part.editor.focus();
    changed(part);
  }

  // ---- one part

  function enhance(section) {
    var name = section.getAttribute("data-part");
    var textarea = section.querySelector("textarea");
    var part = {
      name: name, section: section, textarea: textarea,
      preview: section.querySelector("[data-preview]"), state: section.querySelector(".part-state"),
      problems: section.querySelector(".preview-problems"), status: section.querySelector(".preview-status"),
      editor: document.createElement("div"), lastRange: null
    };
    parts[name] = part;
    var editor = part.editor;
    editor.className = "marker-editor";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-label", section.querySelector("label").textContent);
    editor.setAttribute("data-editor", name);
    try { editor.contentEditable = "plaintext-only"; } catch (e) { editor.contentEditable = "true"; }
    if (editor.contentEditable !== "plaintext-only") { editor.contentEditable = "true"; }
    editor.spellcheck = false;
    fill(part, textarea.value);
    textarea.hidden = true;
    textarea.after(editor);
    keepLinksApart(part.preview);
    showState(part);

    editor.addEventListener("input", function () { changed(part); });
    editor.addEventListener("keydown", function (event) {
      var chip = event.target.closest && event.target.closest(".chip");
      if (chip) {
        if (event.altKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
          event.preventDefault();
          moveChip(chip, event.key === "ArrowLeft" ? -1 : 1);
        } else if (event.key === "Delete" || event.key === "Backspace") {
          event.preventDefault();
          removeChip(chip);
        }
        return;
      }
      if (event.key === "Enter" && editor.contentEditable !== "plaintext-only") {
        event.preventDefault();
        document.execCommand("insertText", false, "\n");
      }
    });
    editor.addEventListener("click", function (event) {
      if (event.target.classList.contains("chip-remove")) { removeChip(event.target.closest(".chip")); }
    });
    // pasted or typed markers become chips; other pasted formatting is dropped
    editor.addEventListener("paste", function (event) {
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      if (!text) { return; }
      event.preventDefault();
      var selection = window.getSelection();
      if (!selection.rangeCount) { return; }
      var range = selection.getRangeAt(0);
      range.deleteContents();
      var nodes = fragment(text.replace(/\r\n?/g, "\n"));
      var last = nodes.lastChild;
      range.insertNode(nodes);
      if (last) { range.setStartAfter(last); range.collapse(true); selection.removeAllRanges(); selection.addRange(range); }
      editor.normalize();
      changed(part);
    });
    editor.addEventListener("blur", function () {
      if (Array.prototype.some.call(editor.childNodes, function (n) {
        return n.nodeType === Node.TEXT_NODE && /【数据：[^】]*】/.test(n.nodeValue);
      })) { fill(part, textarea.value); }
    });
    // remember the caret, for "插入数据"
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) { part.lastRange = selection.getRangeAt(0).cloneRange(); }
    });

    // dragging a chip, within this part or into another
    editor.addEventListener("dragstart", function (event) {
      var chip = event.target.closest && event.target.closest(".chip");
      if (!chip) { return; }
      dragged = chip;
      chip.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", markerText(chip.getAttribute("data-marker")));
    });
    editor.addEventListener("dragend", function () {
      if (dragged) { dragged.classList.remove("dragging"); }
      dragged = null;
    });
    editor.addEventListener("dragover", function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = dragged ? "move" : "copy";
    });
    editor.addEventListener("drop", function (event) {
      event.preventDefault();
      var range = rangeAt(event.clientX, event.clientY);
      if (!range || !editor.contains(range.startContainer)) { return; }
      var from = dragged ? partOf(dragged) : null;
      var node = dragged || fragment(event.dataTransfer.getData("text/plain") || "");
      if (dragged && dragged.contains(range.startContainer)) { return; }  // dropped on itself
      insertAt(range, node, editor);
      if (dragged) { dragged.classList.remove("dragging"); dragged = null; }
      if (from && from !== part) { from.editor.normalize(); changed(from); }
      changed(part);
    });

    // 恢复默认: the part's default text, here and now (saved with the form)
    section.querySelector("button.restore-default").addEventListener("click", function (event) {
      event.preventDefault();
      var standard = config.defaults[name] || "";
      if (normalise(textarea.value) !== normalise(standard) && !window.confirm("把“" + editor.getAttribute("aria-label")
          + "”改回系统默认稿？本部分的修改将丢失（保存后生效）。")) { return; }
      fill(part, standard);
      changed(part);
    });

    // 插入数据: the part's own figures first, then every other figure with data
    var own = config.offered[name] || [];
    var others = (config.offered[""] || []).filter(function (marker) { return own.indexOf(marker) < 0; });
    if (own.length || others.length) {
      var tools = section.querySelector(".part-tools");
      var picker = document.createElement("select");
      picker.className = "figure-picker";
      picker.setAttribute("aria-label", "选择要插入的数据");
      var first = document.createElement("option");
      first.value = "";
      first.textContent = "插入数据…";
      picker.appendChild(first);
      [["本部分的数据", own], ["其他数据", others]].forEach(function (group) {
        if (!group[1].length) { return; }
        var optgroup = document.createElement("optgroup");
        optgroup.label = group[0];
        group[1].forEach(function (marker) {
          var info = chips[marker] || {label: marker, value: ""};
          var option = document.createElement("option");
          option.value = marker;
          option.textContent = info.label + "（" + info.value + "）";
          optgroup.appendChild(option);
        });
        picker.appendChild(optgroup);
      });
      var insert = document.createElement("button");
      insert.type = "button";
      insert.className = "insert-figure";
      insert.textContent = "插入";
      insert.addEventListener("click", function () {
        if (!picker.value) { picker.focus(); return; }
        var chip = makeChip(picker.value);
        var range = part.lastRange;
        if (range && editor.contains(range.startContainer)) {
          insertAt(range, chip, editor);
        } else {
          editor.appendChild(chip);
        }
        picker.value = "";
        chip.focus();
        changed(part);
      });
      tools.prepend(insert);
      tools.prepend(picker);
    }
  }

  document.querySelectorAll(".report-part").forEach(enhance);
  form.classList.add("has-editor");

  // leaving with unsaved changes asks first; downloads are of the saved report
  var initial = {};
  Object.keys(parts).forEach(function (name) { initial[name] = normalise(parts[name].textarea.value); });
  function dirty() {
    return Object.keys(parts).some(function (name) { return normalise(parts[name].textarea.value) !== initial[name]; });
  }
  form.addEventListener("submit", function () {
    clearTimeout(timer);  // no preview request racing the save
    Object.keys(parts).forEach(function (name) { parts[name].textarea.value = serialise(parts[name].editor); });
    leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!leaving && dirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  document.querySelectorAll("a[data-download]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!dirty()) { return; }
      if (!window.confirm("下载的是已保存的报告，不含本页尚未保存的修改。仍要下载吗？")) { event.preventDefault(); return; }
      leaving = true;  // a download does not leave the page
      setTimeout(function () { leaving = false; }, 2000);
    });
  });
})();
