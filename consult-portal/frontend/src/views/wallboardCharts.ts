// ECharts for the wallboard, tree-shaken like charts.ts; imported only by the wallboard's route chunk.
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { chartData, type Board } from './wallboard'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Agents by state and callers waiting, per queue (stacked bars for the agents). */
export function drawAgentsChart(el: HTMLElement, board: Board, large: boolean): echarts.ECharts {
  const d = chartData(board)
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el)
  const font = large ? 18 : 12
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: font } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.names, axisLabel: { fontSize: font, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
    series: [
      { name: '排队等待', type: 'bar', data: d.waiting, itemStyle: { color: '#9f1d20' }, barMaxWidth: 40 },
      { name: '空闲坐席', type: 'bar', stack: 'agents', data: d.available, itemStyle: { color: '#2e7d32' }, barMaxWidth: 40 },
      { name: '通话中', type: 'bar', stack: 'agents', data: d.onCall, itemStyle: { color: '#1565c0' }, barMaxWidth: 40 },
      { name: '暂停', type: 'bar', stack: 'agents', data: d.paused, itemStyle: { color: '#f9a825' }, barMaxWidth: 40 },
    ],
  }, true)
  return chart
}

/** Today's answered and abandoned calls per queue. */
export function drawTodayChart(el: HTMLElement, board: Board, large: boolean): echarts.ECharts {
  const d = chartData(board)
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el)
  const font = large ? 18 : 12
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: font } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.names, axisLabel: { fontSize: font, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
    series: [
      { name: '今日接通', type: 'bar', stack: 'today', data: d.answered, itemStyle: { color: '#2e7d32' }, barMaxWidth: 40 },
      { name: '今日放弃', type: 'bar', stack: 'today', data: d.abandoned, itemStyle: { color: '#9f1d20' }, barMaxWidth: 40 },
    ],
  }, true)
  return chart
}
