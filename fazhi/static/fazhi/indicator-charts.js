// The year's figures by area (/indicators/): one bar chart per area, this year beside last year.
// Data comes from the page's JSON block (no inline script); ECharts is served by the app itself.
// A chart is drawn when its area is first opened (a folded area has no size to draw in).
(function () {
  var source = document.getElementById("area-chart-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var byArea = {};
  data.areas.forEach(function (a) { byArea[a.area] = a; });
  var charts = [];

  function draw(holder) {
    var area = byArea[holder.getAttribute("data-chart")];
    if (!area) { holder.hidden = true; return; }
    if (holder.getAttribute("data-drawn")) { return; }
    holder.setAttribute("data-drawn", "1");
    var chart = echarts.init(holder, null, {renderer: "canvas"});
    chart.setOption({
      color: ["#a8201a", "#c8b4a0"],
      tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
      legend: {data: [data.year + "年", (data.year - 1) + "年"]},
      grid: {left: 10, right: 30, top: 30, bottom: 10, containLabel: true},
      xAxis: {type: "value", minInterval: 1},
      yAxis: {type: "category", data: area.labels, inverse: true,
              axisLabel: {width: 200, overflow: "truncate"}},
      series: [
        {name: data.year + "年", type: "bar", data: area.values, label: {show: true, position: "right"}},
        {name: (data.year - 1) + "年", type: "bar", data: area.last}
      ]
    });
    charts.push(chart);
  }

  document.querySelectorAll("details.area-group").forEach(function (details) {
    var holder = details.querySelector(".area-chart");
    if (!holder) { return; }
    if (!byArea[holder.getAttribute("data-chart")]) { holder.hidden = true; return; }
    if (details.open) { draw(holder); }
    details.addEventListener("toggle", function () { if (details.open) { draw(holder); } });
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
