// ECharts, tree-shaken to what the dashboard draws; imported only by the dashboard's route chunk.
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { shortLabels } from './labels'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export interface Series {
  labels: string[]
  received: number[]
  answeredRate: (number | null)[]
}

export function drawTicketsChart(el: HTMLElement, data: Series): echarts.ECharts {
  const chart = echarts.getInstanceByDom(el) ?? echarts.init(el)
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理量', '答复率'], top: 0 },
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shortLabels(data.labels), axisLabel: { interval: 0, rotate: data.labels.length > 3 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '答复率', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '受理量', type: 'bar', data: data.received, itemStyle: { color: '#9f1d20' }, barMaxWidth: 36 },
      { name: '答复率', type: 'line', yAxisIndex: 1, data: data.answeredRate, connectNulls: true,
        tooltip: { valueFormatter: (v: unknown) => (v == null ? '暂无数据' : `${v}%`) } },
    ],
  }, true)
  return chart
}

