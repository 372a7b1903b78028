import { afterEach, describe, expect, it } from 'vitest'
import { useChannelForTests } from '@/platform/channel'
import { ApiError } from './http'
import { explain } from './problems'

const LATIN = /[A-Za-z]/

function problem(status: number, code = '', detail = '', retryAfter: number | null = null) {
  return new ApiError('problem', status, code, '', detail, retryAfter)
}

describe('what a citizen is told when something fails', () => {
  it('says what to do next, in words, for every kind of failure', () => {
    const cases: [unknown, string][] = [
      [new ApiError('network', 0, '', '', '', null), '请检查网络后再试一次'],
      [problem(429, 'rate.limited', '', 30), '请30秒后再试'],
      [problem(429, 'rate.limited', '', 600), '请10分钟后再试'],
      [problem(404, 'ticket.notFound'), '请核对咨询编号和查询码'],
      [problem(409, 'ticket.state', '工单当前状态不允许追问'), '请下拉刷新后再看'],
      [problem(400, 'field.tooShort', '问题描述至少5个字'), '问题描述至少5个字，请修改后再提交'],
      [problem(422, 'idempotencyKey.reused'), '作为新的问题提交'],
      [new ApiError('problem', 400, 'consent.notInForce', 'X-Consent-Id', '同意记录不存在或已撤回', null), '您填写的内容已保存'],
      [problem(503, 'channel.notConfigured'), '短信验证码登录暂未开通'],
      [problem(401, 'signIn.required'), '请先用手机短信验证码登录'],
      [problem(503, 'channel.busy'), '请稍等一分钟再试'],
      [problem(500), '请稍后再试'],
      [new Error('boom'), '请稍后再试'],
    ]
    for (const [error, expected] of cases) {
      const said = explain(error, '提交')
      expect(said).toContain(expected)
      expect(said, said).not.toMatch(LATIN)
    }
  })

  describe('in a mini-program', () => {
    afterEach(() => useChannelForTests('web'))

    it('sends the citizen to the hotline or to reopen the mini-program', () => {
      useChannelForTests('wechat')
      expect(explain(problem(503, 'channel.notConfigured'), '提交')).toContain('暂未开通，请拨打12348')
      expect(explain(problem(401, 'session.expired'), '提交')).toContain('重新打开小程序')
    })
  })
})
