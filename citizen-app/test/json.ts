import type { Answer, SentRequest } from './uni-platform'

/** A ticket as the web API answers it (TicketController's TicketView), with what a test changes. */
export function webTicket(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: 'GD20261206-000001', status: 'ROUTED', statusName: '待受理', kind: 'CONSULTATION', kindName: '法律咨询',
    channel: 'WEB', businessType: 'LEGAL_CONSULTATION', businessTypeName: '法律咨询', regionCode: '440106',
    regionName: '广东省广州市天河区', subject: '公司拖欠工资', text: '公司拖欠我三个月工资，我该怎么办？',
    handlingUnit: 'GD-4401-LEGAL-AID', handlingUnitName: '广州市法律援助中心', queue: 'VOLUNTEER_POOL',
    createdAt: '2026-12-06T06:00:00Z', dueAt: '2026-12-07T06:00:00Z', firstAnsweredAt: null, closedAt: null,
    satisfaction: null, staff: null,
    timeline: [
      { type: 'CREATED', typeName: '工单创建', actor: '系统', text: '通过网上服务大厅提交', at: '2026-12-06T06:00:00Z' },
      { type: 'ROUTED', typeName: '已分派', actor: '系统', text: '分派至广州市法律援助中心（咨询池），办理时限24小时，规则 R-07', at: '2026-12-06T06:00:00Z' },
    ],
    ...change,
  }
}

export function answeredTicket(change: Record<string, unknown> = {}): Record<string, unknown> {
  const base = webTicket()
  return webTicket({
    status: 'ANSWERED', firstAnsweredAt: '2026-12-06T08:00:00Z',
    timeline: [...(base.timeline as unknown[]), { type: 'ANSWERED', typeName: '已答复', actor: '工作人员',
      text: '可以向劳动保障监察机构投诉，或申请劳动仲裁。', at: '2026-12-06T08:00:00Z' }],
    ...change,
  })
}

export const ok = (data: unknown, status = 200): Answer => ({ status, data })

export function paths(sent: SentRequest[]): string[] {
  return sent.map((r) => `${r.method} ${r.url}`)
}
