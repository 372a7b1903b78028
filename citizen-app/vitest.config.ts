import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'

// Unit tests run the sources with plain Vue: uni's tags (<view>, <text>, ...) stay custom elements and the
// `uni` global is the small in-memory platform of test/uni-platform.ts.
export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          isCustomElement: (tag) => ['view', 'text', 'scroll-view', 'rich-text', 'navigator', 'image', 'picker'].includes(tag),
        },
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.spec.ts'],
  },
})
