// Draws each dashboard table's chart: tickets received (bars) and answered rate (line), from the
// same figures the table shows.
(function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('.chart').forEach(function (el) {
    var labels = JSON.parse(el.dataset.labels || '[]');
    if (labels.length === 0) { el.textContent = '暂无数据'; return; }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {data: ['受理量', '答复率(%)']},
      xAxis: {type: 'category', data: labels, axisLabel: {interval: 0, rotate: labels.length > 6 ? 30 : 0}},
      yAxis: [{type: 'value', name: '件'}, {type: 'value', name: '%', max: 100}],
      series: [
        {name: '受理量', type: 'bar', data: JSON.parse(el.dataset.received), itemStyle: {color: '#b71c1c'}},
        {name: '答复率(%)', type: 'line', yAxisIndex: 1, data: JSON.parse(el.dataset.rates)}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
