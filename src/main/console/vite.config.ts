import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built by Maven (exec-maven-plugin, `npm run build`) straight into the jar's static resources: served at /console/.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/console', import.meta.url)),
    emptyOutDir: true,
    // every script, style and font is a file of the bundle: nothing inline (the CSP forbids it), nothing from a CDN
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` against a running `./mvnw spring-boot:test-run`
    proxy: { '/graphql': { target: 'http://localhost:8080', ws: true } },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
  },
});
