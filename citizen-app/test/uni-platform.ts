// The uni platform as the unit tests see it: storage in memory (kept across "app restarts" unless
// cleared), requests answered by the test's server function, navigation recorded. It stands in for the
// phone and the mini-program runtime, never for the app's own code.
import { vi } from 'vitest'

export interface SentRequest {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
  /** uni.uploadFile: the file sent as multipart field `file`. */
  filePath?: string
}

export type Answer = { status: number; data?: unknown; header?: Record<string, string> } | 'network-failure'

export const platform = {
  storage: new Map<string, unknown>(),
  sent: [] as SentRequest[],
  navigations: [] as string[],
  server: (_req: SentRequest): Answer | Promise<Answer> => ({ status: 404, data: {} }),
  clipboard: '',
  calls: [] as string[],
  /** What wx.requestSubscribeMessage resolves with in the next test (template id → accept/reject). */
  subscribeAnswer: {} as Record<string, string>,
  /** The template ids the Alipay mini-program last asked the citizen about. */
  alipaySubscribeAsked: [] as string[],
  /** What the photo picker returns next: temporary file paths, or 'cancel'. */
  picked: [] as string[] | 'cancel',
  /** The images last shown full screen. */
  previewed: [] as string[],
  reset() {
    this.storage.clear()
    this.sent = []
    this.navigations = []
    this.server = () => ({ status: 404, data: {} })
    this.clipboard = ''
    this.calls = []
    this.subscribeAnswer = {}
    this.alipaySubscribeAsked = []
    this.picked = []
    this.previewed = []
  },
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: () => void }

function done(options: Callbacks, result: unknown = {}) {
  options.success?.(result)
  options.complete?.()
}

/** The `uni` global of the phone runtime, as the fake platform above answers it. */
export const uniRuntime = {
  getStorageSync: (key: string) => (platform.storage.has(key) ? platform.storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    platform.storage.set(key, value)
  },
  removeStorageSync: (key: string) => {
    platform.storage.delete(key)
  },
  request: (options: Callbacks & { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
    const req: SentRequest = { url: options.url, method: options.method ?? 'GET', data: options.data,
      header: options.header ?? {} }
    platform.sent.push(req)
    Promise.resolve(platform.server(req)).then((answer) => {
      if (answer === 'network-failure') {
        options.fail?.({ errMsg: 'request:fail' })
        options.complete?.()
        return
      }
      done(options, { statusCode: answer.status, data: answer.data ?? '', header: answer.header ?? {} })
    })
  },
  uploadFile: (options: Callbacks & { url: string; filePath: string; name: string; header?: Record<string, string> }) => {
    const req: SentRequest = { url: options.url, method: 'POST', data: { [options.name]: options.filePath },
      header: options.header ?? {}, filePath: options.filePath }
    platform.sent.push(req)
    Promise.resolve(platform.server(req)).then((answer) => {
      if (answer === 'network-failure') {
        options.fail?.({ errMsg: 'uploadFile:fail' })
        options.complete?.()
        return
      }
      // uploadFile hands the body over as text, as the platforms do
      done(options, { statusCode: answer.status, data: answer.data === undefined ? '' : JSON.stringify(answer.data),
        header: answer.header ?? {} })
    })
  },
  chooseImage: (o: Callbacks & { count: number }) => {
    if (platform.picked === 'cancel') {
      o.fail?.({ errMsg: 'chooseImage:fail cancel' })
      return
    }
    done(o, { tempFilePaths: platform.picked.slice(0, o.count) })
  },
  downloadFile: (options: Callbacks & { url: string; header?: Record<string, string> }) => {
    const req: SentRequest = { url: options.url, method: 'GET', data: undefined, header: options.header ?? {} }
    platform.sent.push(req)
    Promise.resolve(platform.server(req)).then((answer) => {
      if (answer === 'network-failure') {
        options.fail?.({ errMsg: 'downloadFile:fail' })
        options.complete?.()
        return
      }
      done(options, { statusCode: answer.status, tempFilePath: 'tmp://' + options.url.split('/').slice(-2).join('-') })
    })
  },
  previewImage: (o: Callbacks & { urls: string[]; current?: string }) => {
    platform.previewed = o.urls
    done(o)
  },
  compressImage: (o: Callbacks & { src: string }) => done(o, { tempFilePath: o.src + '#compressed' }),
  makePhoneCall: (o: Callbacks & { phoneNumber: string }) => {
    platform.calls.push(o.phoneNumber)
    done(o)
  },
  setClipboardData: (o: Callbacks & { data: string }) => {
    platform.clipboard = o.data
    done(o)
  },
  showToast: () => undefined,
  showModal: (o: Callbacks) => done(o, { confirm: true, cancel: false }),
  navigateTo: (o: { url: string }) => platform.navigations.push(o.url),
  redirectTo: (o: { url: string }) => platform.navigations.push(o.url),
  reLaunch: (o: { url: string }) => platform.navigations.push(o.url),
  stopPullDownRefresh: () => undefined,
  pageScrollTo: () => undefined,
  login: (o: Callbacks) => done(o, { code: 'test-login-code' }),
  requestSubscribeMessage: (o: Callbacks & { tmplIds: string[] }) => done(o, { errMsg: 'requestSubscribeMessage:ok',
    ...platform.subscribeAnswer }),
}

/** The page lifecycle hooks of @dcloudio/uni-app, captured so a test can fire them. */
export const hooks = {
  onLoad: [] as ((q: Record<string, string>) => unknown)[],
  onShow: [] as (() => unknown)[],
  onHide: [] as (() => unknown)[],
  reset() {
    this.onLoad = []
    this.onShow = []
    this.onHide = []
  },
  async hide() {
    for (const h of this.onHide) {
      await h()
    }
  },
  async load(query: Record<string, string> = {}) {
    for (const h of this.onLoad) {
      await h(query)
    }
    for (const h of this.onShow) {
      await h()
    }
  },
}

export const uniAppModule = {
  onLoad: (h: (q: Record<string, string>) => unknown) => hooks.onLoad.push(h),
  onShow: (h: () => unknown) => hooks.onShow.push(h),
  onHide: (h: () => unknown) => hooks.onHide.push(h),
  onUnload: (h: () => unknown) => hooks.onHide.push(h),
  onLaunch: () => undefined,
  onPullDownRefresh: () => undefined,
}

/** Alipay's own global in its mini-program: the calls uni does not wrap. */
export const alipayRuntime = {
  requestSubscribeMessage: (o: Callbacks & { entityIds: string[] }) => {
    platform.alipaySubscribeAsked = o.entityIds
    // as Alipay answers: each template id with accept or reject, plus its summary lists
    const accepted = Object.keys(platform.subscribeAnswer).filter((id) => platform.subscribeAnswer[id] === 'accept')
    done(o, { behavior: 'subscribe', keep: false, show: true, ...platform.subscribeAnswer,
      result: { subscribeEntityIds: accepted, subscribedEntityIds: accepted, unsubscribedEntityIds: [],
        currentSubscribedEntityIds: accepted } })
  },
}

/** Puts the fake runtime where the app's code looks for it: the globals `uni` and (Alipay's) `my`. */
export function installUni() {
  vi.stubGlobal('uni', uniRuntime)
  vi.stubGlobal('my', alipayRuntime)
}
