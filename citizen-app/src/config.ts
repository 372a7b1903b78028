import { isMiniProgram } from './platform/channel'

// Deployment settings, read from the build's environment (.env, or VITE_* variables): never edited here.
export const config = {
  /** The product's address in the mini-programs; on the web the page's own address (''). */
  apiBase: isMiniProgram() ? (import.meta.env.VITE_MP_API_BASE ?? '').replace(/\/+$/, '') : '',
  centreProvince: import.meta.env.VITE_CENTRE_PROVINCE || '440000',
  centreName: import.meta.env.VITE_CENTRE_NAME || '12348公共法律服务中心',
  hotline: import.meta.env.VITE_HOTLINE || '12348',
  retentionYears: Number(import.meta.env.VITE_RETENTION_YEARS) || 3,
}
