import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

// The uni-app CLI drives Vite; its platform (-p h5 | mp-weixin | mp-alipay) decides the output.
// The settings a deployment changes live in .env (VITE_*), never in code: see README.md.
export default defineConfig({
  plugins: [uni()],
})
