import { createSSRApp } from 'vue'
import * as Pinia from 'pinia'
import App from './App.vue'

export function createApp() {
  const app = createSSRApp(App)
  app.use(Pinia.createPinia())
  // uni-app's mini-program runtime needs Pinia handed back with the app
  return { app, Pinia }
}
