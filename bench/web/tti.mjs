// Time to interactive of the citizen app's web build (bench/README.md, "Citizen app: first load"): a fresh
// browser profile each run (nothing cached), a phone's viewport, from navigation start until the first page
// shows its button and until a tap on it has led to the home page. THROTTLE=1 emulates a mobile network.
// Usage: npm install && node tti.mjs [url] [runs]   (Debian's /usr/bin/chromium; the product already running)
import { chromium } from 'playwright-core'

const url = process.argv[2] ?? 'http://127.0.0.1:8080/m/'
const runs = Number(process.argv[3] ?? 10)
const results = []
for (let i = 0; i < runs; i++) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true })
  const page = await context.newPage()
  if (process.env.THROTTLE) {
    // a mobile network: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (Chromium's "Fast 3G")
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
      downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 })
  }
  const start = Date.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.locator('#consent-accept').waitFor({ state: 'visible' })
  const shown = Date.now() - start
  await page.locator('#consent-accept').click()
  await page.locator('#call-hotline').waitFor({ state: 'visible' })
  const interactive = Date.now() - start
  const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]))
  const n = JSON.parse(nav)
  const transferred = await page.evaluate(() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize ?? 0), 0))
  results.push({ shown, interactive, domInteractive: Math.round(n.domInteractive), load: Math.round(n.loadEventEnd),
    bytes: transferred })
  await browser.close()
}
const sorted = (k) => results.map((r) => r[k]).sort((a, b) => a - b)
const median = (k) => sorted(k)[Math.floor(runs / 2)]
console.log(JSON.stringify(results))
console.log(`runs=${runs} first page shown median ${median('shown')} ms (min ${sorted('shown')[0]}, max ${sorted('shown').at(-1)}); ` +
  `tapped through to home median ${median('interactive')} ms; domInteractive median ${median('domInteractive')} ms; ` +
  `load event median ${median('load')} ms; bytes transferred (transferSize, headers included) median ${median('bytes')}`)
