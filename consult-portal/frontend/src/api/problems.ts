/** An RFC 7807 problem detail as the back end answers errors: a Chinese detail, a stable code, the field. */
export interface Problem {
  status?: number
  detail?: string
  code?: string
  field?: string
  /** Every broken rule when the server found several (each names its field, e.g. days[3].date). */
  errors?: { field: string; message: string }[]
}

export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? '操作失败')
    this.problem = problem
  }

  get status() {
    return this.problem.status ?? 0
  }
}

/** What to tell a person about a failed call, in Chinese, whatever came back. */
export function describe(status: number, body: unknown): Problem {
  const problem = (body && typeof body === 'object' ? body : {}) as Problem
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : fallback(status)
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter((e) => e && typeof e.field === 'string' && typeof e.message === 'string')
    : undefined
  return { status, detail, code: problem.code, field: problem.field, ...(errors?.length ? { errors } : {}) }
}

function fallback(status: number): string {
  if (status === 401) return '登录已过期，请重新登录'
  if (status === 403) return '没有权限执行此操作'
  if (status === 404) return '没有找到，可能已被删除或无权查看'
  if (status === 409) return '状态已变化，请刷新后重试'
  if (status === 429) return '操作过于频繁，请稍后再试'
  if (status >= 500) return '服务暂时不可用，请稍后重试'
  return '操作失败，请检查后重试'
}
