// Idempotency keys: one per thing the citizen sends, reused for every retry of it, so a double tap or a
// retry after a lost answer makes one ticket (or one follow-up) on the server.

function randomBytes(n: number): number[] {
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c && typeof c.getRandomValues === 'function') {
    return Array.from(c.getRandomValues(new Uint8Array(n)))
  }
  // mini-program runtimes lack Web Crypto; there the server scopes the key to the signed-in citizen
  return Array.from({ length: n }, () => Math.floor(Math.random() * 256))
}

/** 32 hexadecimal characters (128 random bits): visible ASCII, as both APIs require. */
export function newKey(): string {
  return randomBytes(16).map((b) => b.toString(16).padStart(2, '0')).join('')
}
