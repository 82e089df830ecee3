// One application per click: the button is disabled once the form is sent (the server also ignores a repeated key).
document.getElementById("apply-form").addEventListener("submit", function () {
  var b = document.getElementById("submit-application");
  setTimeout(function () { b.disabled = true; b.textContent = "正在提交…"; }, 0);
});
