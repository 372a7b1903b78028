import { api, ok, type Schemas } from '@/api/client'
import type { CellProblem } from './draft'

// The routing administration API with the answers made whole: the OpenAPI document marks every
// field optional, the server always sends them (lists empty rather than missing).

export interface Version { version: number; current: boolean; deployedAt: string; actorName: string; comment: string }
export interface Move {
  fromUnitName: string; fromQueueName: string; toUnitName: string; toQueueName: string
  tickets: number; regions: string[]; examples: string[]
}
export interface WhatIf { days: number; replayed: number; changed: number; moves: Move[] }
export interface Report { problems: CellProblem[]; whatIf: WhatIf | null }
export interface CellChange { column: string; before: string | null; after: string | null }
export interface RuleChange { ruleId: string; position: number; description: string; cells: CellChange[] }
export interface Diff { from: number; to: number; added: RuleChange[]; removed: RuleChange[]; changed: RuleChange[] }

export async function versions(): Promise<Version[]> {
  const list = await ok(api.GET('/api/v1/admin/routing/versions'))
  return list.map((v: Schemas['RoutingVersionView']) => ({
    version: v.version ?? 0, current: v.current ?? false, deployedAt: v.deployedAt ?? '',
    actorName: v.actorName ?? '系统', comment: v.comment ?? '',
  }))
}

export async function currentTable(): Promise<{ version: number; xml: string }> {
  const t = await ok(api.GET('/api/v1/admin/routing/current'))
  return { version: t.version ?? 0, xml: t.xml ?? '' }
}

export async function validate(xml: string, days: number): Promise<Report> {
  const r = await ok(api.POST('/api/v1/admin/routing/validate', { body: { xml, days } }))
  const w = r.whatIf
  return {
    problems: (r.problems ?? []).map((p: Schemas['DraftProblem']) => ({
      ruleId: p.ruleId ?? null, ruleIndex: p.ruleIndex ?? null, columnId: p.columnId ?? null,
      columnLabel: p.columnLabel ?? null, message: p.message ?? '',
    })),
    whatIf: w ? {
      days: w.days ?? days, replayed: w.replayed ?? 0, changed: w.changed ?? 0,
      moves: (w.moves ?? []).map((m: Schemas['DraftMove']) => ({
        fromUnitName: m.fromUnitName ?? '', fromQueueName: m.fromQueueName ?? '', toUnitName: m.toUnitName ?? '',
        toQueueName: m.toQueueName ?? '', tickets: m.tickets ?? 0, regions: m.regions ?? [], examples: m.examples ?? [],
      })),
    } : null,
  }
}

export async function deploy(xml: string, comment: string): Promise<number> {
  return (await ok(api.POST('/api/v1/admin/routing/deploy', { body: { xml, comment } }))).version ?? 0
}

export async function rollBack(version: number): Promise<number> {
  return (await ok(api.POST('/api/v1/admin/routing/rollback', { body: { version } }))).version ?? 0
}

export async function diff(from: number, to: number): Promise<Diff> {
  const d = await ok(api.GET('/api/v1/admin/routing/diff', { params: { query: { from, to } } }))
  const rules = (list: Schemas['RoutingRuleChange'][] | undefined): RuleChange[] => (list ?? []).map((r) => ({
    ruleId: r.ruleId ?? '', position: r.position ?? 0, description: r.description ?? '',
    cells: (r.cells ?? []).map((c) => ({ column: c.column ?? '', before: c.before ?? null, after: c.after ?? null })),
  }))
  return { from: d.from ?? from, to: d.to ?? to, added: rules(d.added), removed: rules(d.removed), changed: rules(d.changed) }
}
