import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, ok, onSessionExpired, type Schemas } from '@/api/client'
import { ApiError } from '@/api/problems'

export type SessionView = Schemas['SessionView']
export type Role = 'DISPATCHER' | 'UNIT_HANDLER' | 'CONSULTANT' | 'ADMIN'

/** Where each role starts its day. */
export function homeOf(role: string | undefined): string {
  switch (role) {
    case 'CONSULTANT':
      return '/pool'
    case 'ADMIN':
      return '/admin'
    case 'DISPATCHER':
    case 'UNIT_HANDLER':
      return '/queue'
    default:
      return '/sign-in'
  }
}

/**
 * Who is signed in, and the sign-in dialog that opens when the session expires: calls that met the
 * expiry wait for it and are sent again once the person signed in (see api/http.ts).
 */
export const useSession = defineStore('session', () => {
  const user = ref<SessionView | null>(null)
  const loaded = ref(false)
  const expiredDialog = ref(false)
  let waiting: { resolve: () => void; reject: (e: Error) => void }[] = []

  const role = computed(() => user.value?.role as Role | undefined)
  const home = computed(() => homeOf(role.value))

  async function load() {
    const current = await ok(api.GET('/api/v1/session'))
    user.value = current.signedIn ? current : null
    loaded.value = true
    return user.value
  }

  async function signIn(username: string, password: string): Promise<SessionView> {
    const send = () => ok(api.POST('/api/v1/session', {
      body: { username, password },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })) as Promise<SessionView>
    let signedIn: SessionView
    try {
      signedIn = await send()
    } catch (e) {
      // no CSRF cookie yet (first visit, cookies cleared): the refusal set one, so try once more
      if (e instanceof ApiError && e.problem.code === 'csrf.invalid') {
        signedIn = await send()
      } else {
        throw e
      }
    }
    user.value = signedIn
    loaded.value = true
    expiredDialog.value = false
    const resumed = waiting
    waiting = []
    resumed.forEach((w) => w.resolve())
    return signedIn
  }

  async function signOut() {
    await ok(api.DELETE('/api/v1/session'))
    user.value = null
  }

  /** A call met an expired session: open the dialog and wait for the person to sign in again. */
  function signInAgain(): Promise<void> {
    expiredDialog.value = true
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
  }

  function giveUp() {
    expiredDialog.value = false
    const abandoned = waiting
    waiting = []
    abandoned.forEach((w) => w.reject(new Error('sign-in cancelled')))
  }

  onSessionExpired(() => (user.value ? signInAgain() : Promise.reject(new Error('not signed in'))))

  return { user, loaded, role, home, expiredDialog, load, signIn, signOut, signInAgain, giveUp }
})
