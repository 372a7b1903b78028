import createClient from 'openapi-fetch'
import type { paths } from './schema'
import { sessionAwareFetch, type SignInAgain } from './http'
import { ApiError, describe } from './problems'

let signInAgain: SignInAgain | undefined

/** The session store registers how to ask for the password again when a session expires. */
export function onSessionExpired(handler: SignInAgain | undefined) {
  signInAgain = handler
}

/** Every call the workspace makes to the JSON API, typed from the committed OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: sessionAwareFetch(() => signInAgain),
})

/** The data of a call, or an {@link ApiError} carrying the problem detail the server sent. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result
  try {
    result = await call
  } catch {
    throw new ApiError({ status: 0, detail: '网络连接失败，请检查网络后重试' })
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(describe(result.response.status, result.error))
  }
  return result.data as T
}

/** For endpoints outside the OpenAPI document (the console's CSV export): same session handling. */
export const pageFetch = sessionAwareFetch(() => signInAgain)

export type Schemas = import('./schema').components['schemas']
