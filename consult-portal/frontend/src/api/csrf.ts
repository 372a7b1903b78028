/** Spring Security's CSRF token for the API: the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN on writes. */
export const CSRF_HEADER = 'X-XSRF-TOKEN'

export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='))
    }
  }
  return null
}

export function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}
