import type { AnalyzerWorkerLike } from '../app/analyzer-worker';

/**
 * The one place that names the pane's worker URL. webpack sees `new Worker(new URL(…,
 * import.meta.url))` and bundles analysis-worker.ts as its own chunk beside taskpane.js.
 */
export function createAnalysisWorker(): AnalyzerWorkerLike {
  // @ts-expect-error TS1343: tsconfig.json compiles for Node (module commonjs), where
  // import.meta does not exist; webpack compiles this file as an ES module (see webpack.config.js).
  return new Worker(new URL('./analysis-worker.ts', import.meta.url), { name: 'semaforo-poi-analisis' });
}
