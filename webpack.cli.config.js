/**
 * The `poi-check` CLI as ONE file, `dist/node/cli/poi-check-bundle.js` (webpack, target node):
 * Node then reads and compiles one script instead of resolving and loading ~100 compiled
 * modules plus fflate and saxes (about a tenth of a 10,000-AO run went to the module loader).
 * The bin, `dist/node/cli/poi-check.js`, is a small loader that runs it with V8's code cache,
 * `poi-check-bundle.cache`, made after each build by scripts/cli-code-cache.js.
 *
 *   npm run build:cli                       the CLI
 *   npm run build:cli -- --env bench        also dist/node/bench/engine.js (the bench's pieces)
 *
 * Not minified: with the code cache V8 compiles nothing the training runs met, whatever the
 * file's size, and a planner's bug report keeps readable stack traces.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const webpack = require('webpack');

/** After the bundle is written: its code cache (scripts/cli-code-cache.js), by this same Node. */
class CodeCachePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CodeCachePlugin', (compilation) => {
      if (compilation.errors.length > 0) return;
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const r = spawnSync(process.execPath, [path.join(__dirname, 'scripts', 'cli-code-cache.js')], { env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) compilation.errors.push(new webpack.WebpackError(`scripts/cli-code-cache.js: ${r.stderr || r.error || r.signal}`));
    });
  }
}

module.exports = (env = {}) => ({
  mode: 'production',
  target: 'node20',
  devtool: false,
  context: __dirname,
  entry: {
    'cli/poi-check': './src/cli/bin.ts',
    'cli/poi-check-bundle': './src/cli/bundle.ts',
    // The bench measures read, engine and copy separately with the same bundled code.
    ...(env.bench ? { 'bench/engine': './scripts/bench-entry.ts' } : {}),
  },
  output: {
    path: path.resolve(__dirname, 'dist', 'node'),
    filename: '[name].js',
    library: { type: 'commonjs2' },
    // dist/node only holds this build's output (the web build keeps dist/node; see webpack.config.js).
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.js'],
    // fflate is evaluated on first use only (see src/cli/fflate-lazy.ts).
    alias: {
      fflate$: path.resolve(__dirname, 'src/cli/fflate-lazy.ts'),
      'fflate-browser$': path.resolve(__dirname, 'node_modules/fflate/esm/browser.js'),
    },
  },
  module: {
    // src/cli/code-cache.ts hands Node's own createRequire to the bundle it loads.
    parser: { javascript: { createRequire: false } },
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        options: {
          // Type-checking is `npm run typecheck`'s job; the build only transpiles.
          transpileOnly: true,
          configFile: path.resolve(__dirname, 'tsconfig.build.json'),
          // ES modules let webpack hoist everything into one scope (no per-module wrappers).
          compilerOptions: { module: 'es2020', target: 'es2021', noEmit: false, sourceMap: false, rootDir: __dirname },
        },
      },
    ],
  },
  optimization: {
    minimize: false,
    concatenateModules: true,
    // Readable names in profiles and stack traces.
    moduleIds: 'named',
  },
  // `#!/usr/bin/env node` of src/cli/bin.ts is stripped by the parser; put it back first.
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true, test: /poi-check\.js$/ }), new CodeCachePlugin()],
  performance: { hints: false },
  stats: 'errors-warnings',
});
