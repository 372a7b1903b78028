import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createWorkspaceRouter } from './router'
import './styles.css'

const app = createApp(App)
app.use(createPinia())
app.use(createWorkspaceRouter())
app.mount('#app')
