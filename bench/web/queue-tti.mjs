// Time to a usable staff queue (issue 19): a signed-in dispatcher opens /workspace/queue in a fresh browser
// (empty cache) until the first ticket row is on screen, and the gzipped script bytes that took.
// Usage: npm install && node queue-tti.mjs [base] [runs]   (Debian's /usr/bin/chromium; the product running with tickets)
import { chromium } from 'playwright-core'
const base = process.argv[2] ?? 'http://127.0.0.1:8080'
const runs = Number(process.argv[3] ?? 5)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const results = []
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(base + '/workspace/sign-in')
  await page.fill('#username', 'dispatcher')
  await page.fill('#password', 'demo12348')
  await page.click('#sign-in-submit')
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'))
  // sign in again without a cache: a new context carrying only the session cookie
  const state = await context.storageState()
  await context.close()
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state })
  const p = await fresh.newPage()
  let scriptBytes = 0
  p.on('response', async (r) => {
    if (r.request().resourceType() === 'script') {
      const size = (await r.request().sizes().catch(() => null))?.responseBodySize ?? 0
      scriptBytes += size
    }
  })
  const start = Date.now()
  await p.goto(base + '/workspace/queue')
  await p.locator('#queue tbody tr, #queue .card').first().waitFor({ state: 'visible', timeout: 30000 })
  results.push({ ms: Date.now() - start, scriptBytes })
  await fresh.close()
}
await browser.close()
const ms = results.map((r) => r.ms).sort((a, b) => a - b)
console.log(JSON.stringify(results))
console.log('median ms', ms[Math.floor(ms.length / 2)], 'min', ms[0], 'max', ms[ms.length - 1])
