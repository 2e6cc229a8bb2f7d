import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// The API `npm run dev` proxies to: `npm start` on its default port, unless API_URL says otherwise.
const api = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: here('.'),
  // The API server serves client/dist at "/" and graphiql.html at "/graphiql",
  // so every asset URL must be absolute.
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Monaco (GraphiQL page only) is big by nature; don't warn about it.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        index: here('index.html'),
        graphiql: here('graphiql.html'),
      },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the hook vite documents for its build options
      onwarn(warning, warn) {
        // graphiql's React-Compiler runtime ships "use no memo" directives; harmless when bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco / monaco-graphql workers are bundled by vite (`?worker` imports), never fetched from a CDN.
  worker: { format: 'es' },
  optimizeDeps: {
    // These modules import the workers with `?worker`, which only vite's worker plugin understands
    // (the dev dep optimizer fails on it), so serve them unbundled in dev...
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
    // ...where the workers' module graphs then reach these CommonJS packages: pre-bundle them.
    include: ['nullthrows', 'picomatch-browser'],
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': api,
      '/readyz': api,
      '/webhooks': api,
    },
  },
});
