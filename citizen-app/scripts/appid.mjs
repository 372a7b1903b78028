// Writes the mini-program's AppID into the built project file the IDE opens, from the build's
// environment: CITIZEN_APP_WECHAT_APPID for mp-weixin, CITIZEN_APP_ALIPAY_APPID for mp-alipay. Without it
// the project keeps uni's "touristappid", which the IDEs open as a test project.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const platforms = {
  'mp-weixin': { file: 'dist/build/mp-weixin/project.config.json', variable: 'CITIZEN_APP_WECHAT_APPID' },
  'mp-alipay': { file: 'dist/build/mp-alipay/mini.project.json', variable: 'CITIZEN_APP_ALIPAY_APPID' },
}
const target = platforms[process.argv[2]]
if (!target) {
  console.error('usage: node scripts/appid.mjs mp-weixin|mp-alipay')
  process.exit(2)
}
const appId = (process.env[target.variable] ?? '').trim()
if (appId === '') {
  console.log(`citizen-app: ${target.variable} not set; ${target.file} keeps its test AppID`)
  process.exit(0)
}
if (!/^[A-Za-z0-9]{8,32}$/.test(appId)) {
  console.error(`citizen-app: ${target.variable} is not an AppID: letters and digits, 8 to 32 of them`)
  process.exit(1)
}
if (!existsSync(target.file)) {
  console.error(`citizen-app: ${target.file} is missing; build the platform first`)
  process.exit(1)
}
const project = JSON.parse(readFileSync(target.file, 'utf8'))
project.appid = appId
writeFileSync(target.file, JSON.stringify(project, null, 2) + '\n')
console.log(`citizen-app: ${target.file} uses AppID ${appId}`)
