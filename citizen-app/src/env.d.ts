/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface ImportMetaEnv {
  readonly VITE_MP_API_BASE: string
  readonly VITE_CENTRE_PROVINCE: string
  readonly VITE_CENTRE_NAME: string
  readonly VITE_HOTLINE: string
  readonly VITE_RETENTION_YEARS: string
}

// uni's build replaces process.env.UNI_PLATFORM with the platform being built
declare const process: { env: { UNI_PLATFORM?: string } }
