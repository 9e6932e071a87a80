/**
 * The CLI bundle's `fflate` (webpack.cli.config.js aliases it here): the CLI inflates and
 * deflates with node:zlib (useNodeCodec), so fflate's tables are built, and its browser build
 * evaluated, only if something calls it. Its Node build would also load worker_threads at
 * start-up. Together about 15 ms of every run.
 */
type Fflate = typeof import('fflate');
let real: Fflate | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a require webpack evaluates on first call
const load = (): Fflate => (real ??= require('fflate-browser') as Fflate);

export const inflateSync = ((data: Uint8Array, opts?: Parameters<Fflate['inflateSync']>[1]) => load().inflateSync(data, opts)) as Fflate['inflateSync'];
export const deflateSync = ((data: Uint8Array, opts?: Parameters<Fflate['deflateSync']>[1]) => load().deflateSync(data, opts)) as Fflate['deflateSync'];
/** `new Deflate(…)` gives fflate's own streaming deflater, built on first use like the rest. */
export const Deflate = class {
  constructor(...args: ConstructorParameters<Fflate['Deflate']>) {
    return new (load().Deflate)(...args);
  }
} as unknown as Fflate['Deflate'];
