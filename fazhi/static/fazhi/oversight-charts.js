// The comparison chart: one bar per township for the chosen indicator, this year beside last year.
// Data comes from the page's JSON block (no inline script); ECharts is served by the app itself.
(function () {
  var holder = document.getElementById("compare-chart");
  var source = document.getElementById("compare-data");
  var picker = document.getElementById("chart-indicator");
  if (!holder || !source || !picker || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(holder, null, {renderer: "canvas"});

  function draw(key) {
    var indicator = data.indicators.filter(function (i) { return i.key === key; })[0];
    if (!indicator) { return; }
    chart.setOption({
      tooltip: {trigger: "axis"},
      legend: {data: [data.year + "年", (data.year - 1) + "年"]},
      grid: {left: 50, right: 20, bottom: 80},
      xAxis: {type: "category", data: data.labels, axisLabel: {rotate: 40, interval: 0}},
      yAxis: {type: "value", name: indicator.label},
      series: [
        {name: data.year + "年", type: "bar", data: indicator.values},
        {name: (data.year - 1) + "年", type: "bar", data: indicator.last}
      ]
    }, true);
  }
  picker.addEventListener("change", function () { draw(picker.value); });
  window.addEventListener("resize", function () { chart.resize(); });
  draw(picker.value);
})();
