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
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // the console, and GraphiQL served offline (scripts/place-graphiql.mjs moves its page to classpath:graphiql/)
      // React libraries mark modules "use client" for server rendering, which a browser bundle has no use for
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql/index.html', import.meta.url)),
      },
    },
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
