/**
 * Three pages: the add-in's task pane and ribbon command (Office.js from Microsoft's CDN),
 * and the offline web page (no Office.js, no network; its worker does the heavy work).
 * `npm run demo` serves them on http://localhost:3000 over plain http; `npm run dev-server`
 * (used by `npm start` to sideload into Excel) serves https with office-addin-dev-certs.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PORT = 3000;
const SAMPLE = 'samples/la-victoria-2023-s1.xlsx';

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  // Excel loads add-ins only over https; the offline page does not need it.
  const https = Boolean(env && env.https);
  const scheme = https ? 'https' : 'http';
  return {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: web.html's Content-Security-Policy forbids eval.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      web: './src/web/index.tsx',
      // The workers are entries of their own, found by webpack in src/web/create-worker.ts (the
      // page's workbook) and src/taskpane/create-analysis-worker.ts (the pane's engine).
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // dist/node holds the CLI bundle (webpack.cli.config.js); keep it.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Type-checking is `npm run typecheck`'s job; the build only transpiles.
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            // ES modules for webpack (tree shaking, `import.meta.url` for the worker).
            compilerOptions: { module: 'es2020', noEmit: false, sourceMap: dev },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: 'src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ template: 'src/commands/commands.html', filename: 'commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ template: 'src/web/index.html', filename: 'web.html', chunks: ['web'] }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: [],
        templateContent:
          '<!doctype html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=web.html"><link rel="icon" href="assets/icon-32.png"><title>Semáforo POI</title></head><body><a href="web.html">Abrir el Semáforo POI</a></body></html>',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // «Abrir ejemplo» fetches it relative to web.html. Built by `npm run sample`.
          { from: SAMPLE, to: 'samples/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI make a ~500 KB page (gzip ~150 KB); warn well above that.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
      assetFilter: (file) => /\.(js|css)$/.test(file),
    },
    devServer: {
      host: 'localhost',
      port: PORT,
      server: https ? { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() } : 'http',
      open: false,
      hot: false,
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      onListening: () => {
        // Printed once the server listens; the first build follows in a few seconds.
        console.log(`\nSemáforo POI: abra ${scheme}://localhost:${PORT}/web.html (panel del complemento: ${scheme}://localhost:${PORT}/taskpane.html)\n`);
      },
    },
  };
};
