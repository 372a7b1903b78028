import names from './enum-names.json'

// The words citizens read for the back end's enum values. The table is kept in step with the Java
// enums by CitizenAppEnumNamesTest; a value this build does not know yet still reads as words.

export type EnumName = keyof typeof names

const fallback: Record<EnumName, string> = {
  TicketStatus: '正在办理',
  BusinessType: '其他事项',
  TicketKind: '咨询',
  Channel: '其他方式',
  TimelineEventType: '办理进展',
}

export function nameOf(kind: EnumName, value: string | null | undefined): string {
  const table = names[kind] as Record<string, string>
  return (value && table[value]) || fallback[kind]
}

export const statusName = (v: string | null | undefined) => nameOf('TicketStatus', v)
export const businessTypeName = (v: string | null | undefined) => nameOf('BusinessType', v)
export const eventName = (v: string | null | undefined) => nameOf('TimelineEventType', v)

/** What the citizen can do next, in a few words, for each status. */
export function statusHint(status: string): string {
  switch (status) {
    case 'ROUTED':
      return '已收到，正在安排人员处理'
    case 'IN_PROGRESS':
      return '工作人员正在办理，请耐心等待答复'
    case 'ANSWERED':
      return '已有答复，请查看；如仍有疑问可以追问'
    case 'CLOSED':
      return '这件咨询已经办完'
    default:
      return '正在办理，请耐心等待'
  }
}

export interface BusinessTypeChoice {
  code: string
  name: string
  hint: string
}

/** The nine services in the order a citizen looks for them, each with one line of plain explanation. */
export const businessTypeChoices: BusinessTypeChoice[] = [
  { code: 'LEGAL_CONSULTATION', name: businessTypeName('LEGAL_CONSULTATION'), hint: '问一个法律问题，在线答复' },
  { code: 'LEGAL_AID', name: businessTypeName('LEGAL_AID'), hint: '经济困难等情况，申请免费律师' },
  { code: 'MEDIATION', name: businessTypeName('MEDIATION'), hint: '邻里、家庭等纠纷请人调解' },
  { code: 'LAWYER_SERVICE', name: businessTypeName('LAWYER_SERVICE'), hint: '请律师代理或代写文书' },
  { code: 'ARBITRATION', name: businessTypeName('ARBITRATION'), hint: '劳动、合同纠纷的仲裁' },
  { code: 'NOTARIZATION', name: businessTypeName('NOTARIZATION'), hint: '办理公证' },
  { code: 'FORENSIC_APPRAISAL', name: businessTypeName('FORENSIC_APPRAISAL'), hint: '伤残、笔迹等鉴定' },
  { code: 'LEGAL_EDUCATION', name: businessTypeName('LEGAL_EDUCATION'), hint: '了解法律知识、普法活动' },
  { code: 'COMPLAINT', name: businessTypeName('COMPLAINT'), hint: '对法律服务的意见和建议' },
]

export const ratingWords: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '很满意',
}
