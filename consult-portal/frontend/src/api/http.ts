import { CSRF_HEADER, csrfToken, isWrite } from './csrf'

/** Asks the person to sign in again; resolves once they did, rejects if they gave up. */
export type SignInAgain = () => Promise<void>

/** Where the sign-in itself goes: its 401 means a wrong password, not an expired session. */
const SESSION_PATH = '/api/v1/session'

/**
 * A fetch for the workspace's calls: adds the CSRF token to writes and, when the session has expired
 * (401, or a page endpoint sending the browser to the sign-in page), waits for the person to sign in
 * again and sends the very same request once more, so nothing they typed is lost.
 */
export function sessionAwareFetch(signInAgain: () => SignInAgain | undefined,
                                  base: typeof fetch = (...args) => globalThis.fetch(...args),
                                  cookies: () => string = () => document.cookie) {
  return async function send(input: Request): Promise<Response> {
    const copy = input.clone()
    const response = await base(marked(withCsrf(input, cookies())))
    if (!expired(response) || new URL(input.url, location.href).pathname === SESSION_PATH) {
      return response
    }
    const ask = signInAgain()
    if (!ask) {
      return response
    }
    try {
      await ask()
    } catch {
      return response // they cancelled: the caller sees the 401 and says so
    }
    return send(copy)
  }
}

/**
 * API calls say they come from a script, so an expired session answers a plain 401 the page handles
 * (not a Basic challenge, which makes the browser ask for a password itself and hold the call).
 * The console's page endpoints are left alone: there the header would ask for that very challenge.
 */
function marked(request: Request): Request {
  if (!new URL(request.url, location.href).pathname.startsWith('/api/')) {
    return request
  }
  const headers = new Headers(request.headers)
  headers.set('X-Requested-With', 'XMLHttpRequest')
  return new Request(request, { headers })
}

function withCsrf(request: Request, cookies: string): Request {
  const token = csrfToken(cookies)
  if (!isWrite(request.method) || !token) {
    return request
  }
  const headers = new Headers(request.headers)
  headers.set(CSRF_HEADER, token)
  return new Request(request, { headers })
}

/** The API answers 401; the console's page endpoints redirect to the HTML sign-in page instead. */
export function expired(response: Response): boolean {
  if (response.status === 401) {
    return true
  }
  return response.redirected && new URL(response.url, location.href).pathname === '/login'
}
