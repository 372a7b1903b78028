import { isMiniProgram } from './channel'

/** What the photo picker gave: the chosen photos' temporary paths, or why it could not open. */
export interface Picked {
  paths: string[]
  problem: string
}

/** The mini-programs shrink a photo on the phone before it goes; the web sends what the browser picked. */
function compressed(path: string): Promise<string> {
  if (!isMiniProgram()) {
    return Promise.resolve(path)
  }
  return new Promise((resolve) => {
    uni.compressImage({ src: path, quality: 70, success: (r) => resolve(r.tempFilePath), fail: () => resolve(path) })
  })
}

/** Lets the citizen take or choose up to `count` photos. Closing the picker is no problem: no paths, no words. */
export function choosePhotos(count: number): Promise<Picked> {
  return new Promise((resolve) => {
    uni.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
      success: async (res) => {
        const paths = Array.isArray(res.tempFilePaths) ? res.tempFilePaths : [res.tempFilePaths]
        resolve({ paths: await Promise.all(paths.map(compressed)), problem: '' })
      },
      fail: (e: { errMsg?: string }) => {
        const cancelled = String(e?.errMsg ?? e ?? '').includes('cancel')
        resolve({ paths: [], problem: cancelled ? '' : '没能打开相册或相机。请在手机设置里允许使用相册和相机后再试。' })
      },
    })
  })
}
