// Runs `npm ci` when package-lock.json differs from the one node_modules was installed from, so the
// Maven build installs on a fresh clone and after a dependency change, and skips the minute otherwise.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
const stamp = 'node_modules/.installed-lock-sha256'
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('citizen-app: node_modules matches package-lock.json')
  process.exit(0)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const started = Date.now()
const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' })
if (run.status !== 0) {
  process.exit(run.status ?? 1)
}
writeFileSync(stamp, lock)
console.log(`citizen-app: npm ci took ${Math.round((Date.now() - started) / 1000)} s`)
