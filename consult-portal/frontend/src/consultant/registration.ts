/** The sign-up form of a volunteer lawyer, as typed. */
export interface RegistrationForm {
  displayName: string
  username: string
  password: string
  qualification: string
  licenceNumber: string
  regionCode: string
  businessTypes: string[]
  categories: string[]
  statement: string
}

export function emptyRegistration(): RegistrationForm {
  return { displayName: '', username: '', password: '', qualification: '', licenceNumber: '', regionCode: '',
    businessTypes: [], categories: [], statement: '' }
}

/** The same rules as the server (CertificationService), checked before sending: field → message. */
export function checkRegistration(f: RegistrationForm): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = f.displayName.trim()
  if (!name || name.length > 32) errors.displayName = '请填写1-32字的姓名'
  if (!/^[a-z][a-z0-9_-]{2,31}$/.test(f.username.trim())) errors.username = '用户名为3-32位小写字母、数字、下划线或短横线，以字母开头'
  if (f.password.length < 8 || f.password.length > 64) errors.password = '密码长度应为8-64位'
  if (!f.qualification) errors.qualification = '请选择资格类型'
  if (!/^[A-Za-z0-9-]{6,40}$/.test(f.licenceNumber.trim())) errors.licenceNumber = '执业证或资格证编号应为6-40位字母、数字或短横线'
  if (!f.regionCode) errors.regionCode = '请选择服务地区'
  if (f.businessTypes.length === 0) errors.businessTypes = '请至少选择一项业务类型'
  if (f.statement.trim().length > 1000) errors.statement = '个人说明不能超过1000字'
  return errors
}

/** The request body of POST /api/v1/consultant-registrations, with the licence photos uploaded before. */
export function registrationBody(f: RegistrationForm, documentIds: string[] = []) {
  return {
    username: f.username.trim(), password: f.password, displayName: f.displayName.trim(), documentIds,
    application: {
      qualification: f.qualification, licenceNumber: f.licenceNumber.trim(), regionCode: f.regionCode,
      businessTypes: f.businessTypes, categories: f.categories, statement: f.statement.trim() || undefined,
    },
  }
}

/** Problems the server found, per field (its `errors` list, or the one `field`). */
export function fieldErrors(problem: unknown): Record<string, string> {
  const p = (problem ?? {}) as { field?: string; detail?: string; errors?: { field?: string; message?: string }[] }
  const out: Record<string, string> = {}
  for (const e of p.errors ?? []) {
    if (e.field && e.message && !out[e.field]) out[e.field] = e.message
  }
  if (p.field && p.detail && !out[p.field]) out[p.field] = p.detail
  return out
}
