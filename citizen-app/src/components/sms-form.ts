// What the SMS sign-in form checks before asking the server: the same rules the server applies, said
// before a round trip (the server's answer stays the authority).

export const smsForm = {
  /** '' when the number is an 11-digit mainland mobile number. */
  phoneProblem(phone: string): string {
    return /^1[3-9]\d{9}$/.test(phone.trim()) ? '' : '请输入11位手机号。'
  },
  codeProblem(code: string): string {
    return /^\d{6}$/.test(code.trim()) ? '' : '请输入短信里的6位验证码。'
  },
}
