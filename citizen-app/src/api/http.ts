import { config } from '@/config'

/** What went wrong with a request, in terms the pages can explain to a citizen. */
export class ApiError extends Error {
  constructor(
    /** 'network': no answer at all (offline, timeout); 'problem': the server answered an error. */
    readonly kind: 'network' | 'problem',
    readonly status: number,
    /** The problem's stable code (e.g. 'rate.limited'), '' when the server sent none. */
    readonly code: string,
    /** The field at fault, when the server named one. */
    readonly field: string,
    /** The server's own Chinese explanation, when it gave one. */
    readonly detail: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${kind} ${status} ${code}`)
  }
}

export interface Reply<T> {
  status: number
  data: T
  header: Record<string, string>
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE'
  body?: unknown
  headers?: Record<string, string>
  /** Milliseconds; a slow network gets this long before the citizen is told to retry. */
  timeout?: number
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) {
    return undefined
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : String(headers[key])
}

function problemOf(status: number, data: unknown, headers: Record<string, string>): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>
  const retry = Number(header(headers, 'Retry-After'))
  return new ApiError('problem', status, String(body.code ?? ''), String(body.field ?? ''),
    typeof body.detail === 'string' ? body.detail : '', Number.isFinite(retry) && retry > 0 ? retry : null)
}

/** One JSON request to the product; resolves with 2xx replies, rejects with an {@link ApiError}. */
export function request<T>(path: string, options: RequestOptions = {}): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    uni.request({
      url: config.apiBase + path,
      method: options.method ?? 'GET',
      data: options.body as UniApp.RequestOptions['data'],
      header: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      timeout: options.timeout ?? 15000,
      dataType: 'json',
      success: (res) => {
        const headers = (res.header ?? {}) as Record<string, string>
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve({ status: res.statusCode, data: res.data as T, header: headers })
        } else {
          reject(problemOf(res.statusCode, res.data, headers))
        }
      },
      fail: () => reject(new ApiError('network', 0, '', '', '', null)),
    })
  })
}
