// ECharts for the wallboard, tree-shaken like charts.ts; imported only by the wallboard's route chunk.
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { chartData, type Board } from './wallboard'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type Bar = { name: string; data: number[]; color: string; stack?: string }

/** One bar chart per queue, in the board's large type on the TV. */
function drawBars(el: HTMLElement, names: string[], bars: Bar[], large: boolean): echarts.ECharts {
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el)
  const font = large ? 18 : 12
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: font } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { fontSize: font, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font } },
    series: bars.map((b) => ({ name: b.name, type: 'bar', stack: b.stack, data: b.data, itemStyle: { color: b.color },
      barMaxWidth: 40 })),
  }, true)
  return chart
}

/** Agents by state and callers waiting, per queue (stacked bars for the agents). */
export function drawAgentsChart(el: HTMLElement, board: Board, large: boolean): echarts.ECharts {
  const d = chartData(board)
  return drawBars(el, d.names, [
    { name: '排队等待', data: d.waiting, color: '#9f1d20' },
    { name: '空闲坐席', stack: 'agents', data: d.available, color: '#2e7d32' },
    { name: '通话中', stack: 'agents', data: d.onCall, color: '#1565c0' },
    { name: '暂停', stack: 'agents', data: d.paused, color: '#f9a825' },
  ], large)
}

/** Today's answered and abandoned calls per queue. */
export function drawTodayChart(el: HTMLElement, board: Board, large: boolean): echarts.ECharts {
  const d = chartData(board)
  return drawBars(el, d.names, [
    { name: '今日接通', stack: 'today', data: d.answered, color: '#2e7d32' },
    { name: '今日放弃', stack: 'today', data: d.abandoned, color: '#9f1d20' },
  ], large)
}
