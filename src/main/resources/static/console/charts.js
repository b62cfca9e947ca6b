// The analytics charts, drawn with uPlot from the JSON the page carries in data-series (never inline script).
(function () {
  "use strict";

  var COLORS = { a: "#3b3b98", b: "#e0752d", bad: "#b3261e", ok: "#1e7a46" };
  // Counts have whole-number ticks only.
  var WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];

  function days(data) {
    return data.dates.map(function (date) { return Date.parse(date + "T12:00:00Z") / 1000; });
  }

  function series(label, color, bars) {
    var spec = { label: label, stroke: color, width: 2, points: { show: false } };
    if (bars) {
      spec.fill = color + "cc";
      spec.paths = uPlot.paths.bars({ size: [0.7, 40] });
    }
    return spec;
  }

  function daySeriesChart(element, data, columns) {
    var options = {
      width: Math.max(element.clientWidth, 260),
      height: 220,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(max, 1)]; } } },
      axes: [{}, { size: 48, incrs: columns[0].whole === false ? undefined : WHOLE }],
      series: [{}].concat(columns.map(function (column) { return series(column.label, column.color, column.bars); }))
    };
    return new uPlot(options, [days(data)].concat(columns.map(function (column) { return data[column.key]; })), element);
  }

  function rulesChart(element, data) {
    if (!data.rules.length) {
      return null;
    }
    var indexes = data.rules.map(function (rule, i) { return i; });
    return new uPlot({
      width: Math.max(element.clientWidth, 260),
      height: 220,
      scales: { x: { time: false, range: [-0.5, data.rules.length - 0.5] }, y: { range: function (u, min, max) { return [0, Math.max(max, 1)]; } } },
      axes: [{ values: function (u, splits) { return splits.map(function (i) { return data.rules[i] || ""; }); },
               splits: function () { return indexes; } }, { size: 48, incrs: WHOLE }],
      series: [{ label: "Rule", value: function (u, i) { return data.rules[i] || ""; } },
               series("Replies", COLORS.a, true)]
    }, [indexes, data.rule_replies], element);
  }

  var KINDS = {
    messages: [{ key: "received", label: "In", color: COLORS.a }, { key: "sent", label: "Out", color: COLORS.b }],
    reply: [{ key: "median_minutes", label: "Median", color: COLORS.a, whole: false }, { key: "p90_minutes", label: "p90", color: COLORS.b }],
    sends: [{ key: "sends_sent", label: "Sent", color: COLORS.ok, bars: true }, { key: "sends_failed", label: "Failed", color: COLORS.bad, bars: true }],
    crm: [{ key: "delivered", label: "Delivered", color: COLORS.ok, bars: true }, { key: "delivery_failed", label: "Failed", color: COLORS.bad, bars: true }]
  };

  var drawn = [];

  window.ConsoleCharts = {
    draw: function (element) {
      var holder = element.closest("[data-series]");
      if (!holder || !window.uPlot || element.getAttribute("data-drawn")) {
        return;
      }
      var data = JSON.parse(holder.getAttribute("data-series"));
      var kind = element.getAttribute("data-chart");
      var chart = kind === "rules" ? rulesChart(element, data) : daySeriesChart(element, data, KINDS[kind]);
      element.setAttribute("data-drawn", "true");
      if (chart) {
        drawn.push({ chart: chart, element: element });
      }
    }
  };

  window.addEventListener("resize", function () {
    drawn.forEach(function (entry) {
      entry.chart.setSize({ width: Math.max(entry.element.clientWidth, 260), height: 220 });
    });
  });
})();
