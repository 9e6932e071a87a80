/**
 * The one place that names the worker's URL. webpack sees `new Worker(new URL(…,
 * import.meta.url))`, bundles worker.ts as its own chunk and serves it from the same folder.
 */
export function createWorker(): Worker {
  // @ts-expect-error TS1343: tsconfig.json compiles for Node (module commonjs), where
  // import.meta does not exist; webpack compiles this file as an ES module (see webpack.config.js).
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'semaforo-poi' });
}
