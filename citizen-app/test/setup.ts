import { beforeEach, vi } from 'vitest'
import { hooks, installUni, platform } from './uni-platform'

vi.mock('@dcloudio/uni-app', async () => (await import('./uni-platform')).uniAppModule)

installUni()

beforeEach(() => {
  platform.reset()
  hooks.reset()
})
