// Which door this build is. uni replaces process.env.UNI_PLATFORM with the build's platform
// (h5, mp-weixin, mp-alipay) at compile time; the unit tests run as the web unless they say otherwise.
export type Channel = 'web' | 'wechat' | 'alipay'

function fromBuild(): Channel {
  const platform = process.env.UNI_PLATFORM
  if (platform === 'mp-weixin') {
    return 'wechat'
  }
  return platform === 'mp-alipay' ? 'alipay' : 'web'
}

let current: Channel = fromBuild()

export function channel(): Channel {
  return current
}

export function isMiniProgram(): boolean {
  return current !== 'web'
}

/** Tests only: run the same code as another platform's build would. */
export function useChannelForTests(c: Channel): void {
  current = c
}
