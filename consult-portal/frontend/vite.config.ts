import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The workspace is served by Spring Boot under /workspace/ from the consult-portal jar; `npm run dev`
// proxies the API to a product running on :8080.
const backend = process.env.BACKEND ?? 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/workspace/',
  plugins: [
    vue(),
    // Element Plus components and their styles imported where a template uses them, not the whole library
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'src/components.d.ts' }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: '../target/classes/static/workspace',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': backend, '/console': backend, '/login': backend },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    // Element Plus ships its styles as CSS imports: let Vite handle them instead of Node
    server: { deps: { inline: ['element-plus'] } },
  },
})
