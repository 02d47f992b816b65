/* eslint-disable @typescript-eslint/no-require-imports -- webpack-cli loads this file as CommonJS (the package is not "type": "module") */
// Two builds from one config: the app (what gets hosted for Teams) and the local meeting simulator.
// esbuild does the TypeScript and the minifying so a production build stays well under a minute on
// two cores; type checking is `npm run typecheck`'s job, not the bundler's.
//
//   npx webpack --mode production                       both, into dist/app and dist/host
//   npx webpack --mode production --env only=app        one of them
//   npx webpack --env appEntry=<file> --env outDir=<d>   another entry as "the app", into <d>/app and <d>/host (test probes)
//   npx webpack --env only=app --env appOut=<d>          the app alone, straight into <d> (`npm run package`: dist/production)
//
// The plain build (dist/app, dist/host) carries no app-config.json: `npm start` builds its own copy
// into dist/local with the local configuration, `npm run package` into dist/production with the
// municipality's, so neither can overwrite the other (tests copy dist/app and add their own).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const swc = require('@swc/core');

const root = __dirname;

const appHtml = `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Gesprekstool</title>
    <link rel="icon" href="data:," />
    <!-- The runtime configuration is asked for before the scripts arrive; src/app/bootstrap.ts takes this answer (once). -->
    <script>window.__gesprekstoolConfig = fetch('app-config.json', { cache: 'no-store' }); window.__gesprekstoolConfig.catch(function () {});</script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** Teams' authentication window shows this while MSAL signs in and hands the token back. */
const authHtml = `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Aanmelden – Gesprekstool</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <main><p role="status">Aanmelden bij Gesprekstool…</p></main>
  </body>
</html>
`;

/**
 * `<link rel="preload">` in index.html for the chunks start-up imports at once — the shell (React,
 * Fluent UI) and teams-js — so they download beside the render-blocking scripts instead of after
 * main.js has run and asked for them (https://developer.mozilla.org/docs/Web/HTML/Attributes/rel/preload).
 */
class PreloadStartChunks {
  constructor(groups) {
    this.groups = groups;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadStartChunks', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadStartChunks', (data) => {
        const files = new Set();
        for (const name of this.groups) {
          const group = compilation.namedChunkGroups.get(name);
          if (!group) continue;
          for (const chunk of group.chunks) for (const file of chunk.files) if (file.endsWith('.js') && !chunk.canBeInitial()) files.add(file);
        }
        const links = [...files].map((href) => HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href }));
        // Chromium fetches a deferred script at low priority and a preload at high: without a hint the
        // preloads (MSAL's 275 KB among them, then) went before the scripts that start everything.
        // https://developer.mozilla.org/docs/Web/HTML/Reference/Elements/script#fetchpriority
        for (const tag of data.headTags) if (tag.tagName === 'script' && tag.attributes.src) tag.attributes.fetchpriority = 'high';
        data.headTags.unshift(...links);
        return data;
      });
    });
  }
}

/**
 * A second minifying pass with swc's compressor (https://swc.rs/docs/configuration/minification),
 * after esbuild has lowered and minified each chunk. esbuild's minifier does not tree-shake inside a
 * chunk: webpack keeps every declaration of a module and only drops the export bindings nobody
 * imports, leaving the unused functions to the minifier, and esbuild keeps them — the vendor chunk
 * carried all of zod's core and tslib's helpers where one parser and `__awaiter` are used. swc drops
 * them (the participant's side panel measured 316 → 276 KB gzip). `ecma: 2020` keeps the output inside
 * the syntax esbuild lowered it to.
 */
class SwcCompress {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('SwcCompress', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'SwcCompress', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, async (assets) => {
        await Promise.all(
          Object.keys(assets)
            .filter((name) => /\.js$/.test(name))
            .map(async (name) => {
              const asset = compilation.getAsset(name);
              const { code } = await swc.minify(asset.source.source().toString(), {
                compress: { ecma: 2020, passes: 2 },
                mangle: true,
                ecma: 2020,
                module: false,
                format: { comments: false },
              });
              compilation.updateAsset(name, new sources.RawSource(code), { ...asset.info, minimized: true });
            }),
        );
      });
    });
  }
}

/**
 * MSAL's StandardController, replaced in the app's compilation by src/auth/standardControllerOmitted.ts.
 * The surfaces sign in through nested app auth only; `PublicClientApplication` imports the standard
 * controller for the constructor without a controller, and webpack cannot see that the nested path
 * never calls it. Bundled, it brought the redirect, popup, iframe and broker flows: 282 KB raw of MSAL
 * that the stage and the side panel each parse before their first Graph call. auth.html, where the
 * standard flow runs, is a compilation of its own (authBuild) and keeps the whole library.
 */
function omitMsalStandardController(webpack) {
  const stub = path.join(root, 'src/auth/standardControllerOmitted.ts');
  return new webpack.NormalModuleReplacementPlugin(/[\\/]controllers[\\/]StandardController\.mjs$/, (resource) => {
    if (/[\\/]@azure[\\/]msal-browser[\\/]dist[\\/]app$/.test(resource.context)) resource.request = stub;
  });
}

function common(mode) {
  const production = mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: root,
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2020', tsconfig: path.join(root, 'tsconfig.json') } },
        { test: /\.(png|svg|woff2?)$/, type: 'asset/resource' },
        // The Graph client's package.json does not declare "sideEffects", so its barrel
        // (lib/es/src/browser/index.js) brings every export along — file upload tasks, the chaos
        // handler — though its modules only define classes. Declared here, webpack keeps what
        // src/graph imports (https://webpack.js.org/guides/tree-shaking/#mark-the-file-as-side-effect-free).
        { test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', legalComments: 'none' }), new SwcCompress()],
    },
    // The performance budget is measured by `npm run bench:load` against ARCHITECTURE.md, not by webpack's generic hints.
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function appBuild(mode, env) {
  const entry = env.appEntry ? path.resolve(root, env.appEntry) : path.join(root, 'src/main.tsx');
  return {
    ...common(mode),
    name: 'app',
    entry: { main: entry },
    output: {
      path: env.appOut ? path.resolve(root, env.appOut) : path.resolve(root, env.outDir || 'dist', 'app'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      // Relative to the script itself, so the same build works at any path of any https host.
      publicPath: 'auto',
      // app-config.json included: whoever serves a build writes the configuration it needs after building.
      clean: true,
    },
    optimization: {
      ...common(mode).optimization,
      moduleIds: 'deterministic',
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        // Libraries change less often than the app: separate chunks stay cached across releases,
        // and the big ones load in parallel with the first paint. Fluent UI has no named group: one
        // chunk of every component any surface uses put dialogs, accordions and checkboxes in the
        // render-blocking set of a frame that shows none of them; split per set of chunks that use
        // them, each surface fetches the components it renders.
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 40 },
          msal: { test: /[\\/]node_modules[\\/]@azure[\\/]/, name: 'msal', priority: 30 },
          graph: { test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/, name: 'graph', priority: 30 },
          // Unnamed: webpack splits the rest per set of chunks that use it, so a library only a lazy
          // surface needs (docx for the report) never lands in a chunk the first paint waits for.
          vendors: { test: /[\\/]node_modules[\\/]/, priority: 10, reuseExistingChunk: true },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({ templateContent: appHtml, filename: 'index.html', scriptLoading: 'defer' }),
      new PreloadStartChunks(['shell', 'teams-host', 'msal-naa']),
      omitMsalStandardController(require('webpack')),
    ],
  };
}

/**
 * auth.html, our page in Teams' authentication window (src/authPage.ts), as a compilation of its own
 * into the app's folder after the app: in the same compilation webpack would keep, in the `msal` chunk
 * the surfaces load, every MSAL export the page uses (PublicClientApplication and its redirect flow).
 */
function authBuild(mode, env) {
  const app = appBuild(mode, env);
  return {
    ...common(mode),
    name: 'auth',
    dependencies: ['app'],
    entry: { auth: path.join(root, 'src/authPage.ts') },
    output: { ...app.output, clean: false },
    plugins: [new HtmlWebpackPlugin({ templateContent: authHtml, filename: 'auth.html', scriptLoading: 'defer' })],
  };
}

function hostBuild(mode, env) {
  return {
    ...common(mode),
    name: 'host',
    entry: { host: path.join(root, 'dev/teams-host/host.ts'), 'cdn-stand-in': path.join(root, 'dev/teams-host/cdnStandIn.ts') },
    output: {
      path: path.resolve(root, env.outDir || 'dist', 'host'),
      // A service worker is registered by a fixed URL, so it cannot carry a content hash.
      filename: (pathData) => (pathData.chunk.name === 'cdn-stand-in' ? '[name].js' : '[name].[contenthash:8].js'),
      publicPath: 'auto',
      clean: true,
    },
    plugins: [new HtmlWebpackPlugin({ template: path.join(root, 'dev/teams-host/index.html'), filename: 'index.html', scriptLoading: 'defer', chunks: ['host'] })],
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const builds = [];
  if (!env.only || env.only === 'app') builds.push(appBuild(mode, env), authBuild(mode, env));
  if (!env.only || env.only === 'host') builds.push(hostBuild(mode, env));
  return builds;
};
