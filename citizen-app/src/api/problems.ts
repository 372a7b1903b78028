import { channel } from '@/platform/channel'
import { config } from '@/config'
import { ApiError } from './http'

/** What the citizen is told when something fails: what happened and what to do next, never a code. */
export function explain(e: unknown, doing: string): string {
  if (!(e instanceof ApiError)) {
    return `${doing}没有成功，请稍后再试；着急的话请拨打${config.hotline}。`
  }
  if (e.kind === 'network') {
    return `网络不太稳定，${doing}没有完成。请检查网络后再试一次，不会重复提交。`
  }
  if (e.status === 429) {
    const wait = e.retryAfterSeconds ?? 60
    return `操作太频繁了，请${wait < 120 ? `${wait}秒` : `${Math.ceil(wait / 60)}分钟`}后再试。您填写的内容已保存。`
  }
  if (e.status === 404) {
    return '没有找到这件咨询。请核对咨询编号和查询码；仍有问题请拨打' + config.hotline + '。'
  }
  if (e.status === 401) {
    return channel() === 'web' ? '请先用手机短信验证码登录，或用咨询编号和查询码查找。'
      : '登录已失效，请退出后重新打开小程序。'
  }
  if (e.status === 409 && e.field === 'file') {
    return (e.detail || '这件咨询不能再添加照片了') + '。已经上传的照片不受影响。'
  }
  if (e.status === 409) {
    return (e.detail ? e.detail + '。' : '') + '这件咨询的状态已经变化，请下拉刷新后再看。'
  }
  if (e.status === 413 || e.status === 415) {
    return (e.detail || '这个文件太大或格式不对') + '。请换一张照片（JPG或PNG）再试。'
  }
  if (e.status === 422 && e.code === 'idempotencyKey.reused') {
    return '这个问题您刚才已经提交过一次，之后内容又有改动。如要把改动后的内容作为新的问题提交，请再点一次「提交」。'
  }
  if (e.status === 400 && e.field === 'X-Consent-Id') {
    return `中心没能确认您对个人信息保护说明的同意，${doing}没有完成。您填写的内容已保存，请稍后再试；着急的话请拨打${config.hotline}。`
  }
  if (e.status === 400 || e.status === 422) {
    return (e.detail || '填写的内容有误') + '，请修改后再提交。'
  }
  if (e.status === 503 && e.code === 'channel.notConfigured') {
    return channel() === 'web' ? `短信验证码登录暂未开通，请用咨询编号和查询码查找，或拨打${config.hotline}。`
      : `小程序里的在线咨询暂未开通，请拨打${config.hotline}。`
  }
  if (e.status === 503) {
    return `服务暂时繁忙，请稍等一分钟再试；着急的话请拨打${config.hotline}。`
  }
  return `服务出了点问题，${doing}没有完成。请稍后再试；着急的话请拨打${config.hotline}。`
}

/** The field the server named, when the error is about one. */
export function fieldOf(e: unknown): string {
  return e instanceof ApiError ? e.field : ''
}
