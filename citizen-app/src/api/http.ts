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

/**
 * One file to the product as multipart field `file` (uni.uploadFile: one file a request on every
 * platform); resolves with the JSON answer of a 2xx reply, rejects with an {@link ApiError}.
 */
export function upload<T>(path: string, filePath: string, headers: Record<string, string>): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    uni.uploadFile({
      url: config.apiBase + path,
      filePath,
      name: 'file',
      header: { Accept: 'application/json', ...headers },
      timeout: 60000,
      success: (res) => {
        let data: unknown = res.data
        try {
          data = typeof res.data === 'string' && res.data !== '' ? JSON.parse(res.data) : res.data
        } catch {
          // not JSON (a proxy's error page): the status still says what happened
        }
        const answer = (res as unknown as { header?: Record<string, string> }).header ?? {}
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve({ status: res.statusCode, data: data as T, header: answer })
        } else {
          reject(problemOf(res.statusCode, data, answer))
        }
      },
      fail: () => reject(new ApiError('network', 0, '', '', '', null)),
    } as UniApp.UploadFileOption)
  })
}

/** One file from the product to a temporary file on the phone (uni.downloadFile); resolves with its path. */
export function download(path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    uni.downloadFile({
      url: config.apiBase + path,
      header: headers,
      timeout: 60000,
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve(res.tempFilePath)
        } else {
          reject(new ApiError('problem', res.statusCode, '', '', '', null))
        }
      },
      fail: () => reject(new ApiError('network', 0, '', '', '', null)),
    } as UniApp.DownloadFileOption)
  })
}
