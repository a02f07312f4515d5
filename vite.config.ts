// Builds the renderer into dist/renderer, which both hosts serve: the app:// protocol in Electron
// and the preview server. Their CSP allows no inline script or style, so nothing here may make
// Vite inline either into index.html. `vite build` also builds the page's server build into
// dist/page-server (environments.ssr), with which both hosts render what an address shows into
// the page they send (electron/serve/page-html.ts). From code: scripts/build-page.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { renderPng } from './build/render-icons.ts';

const root = import.meta.dirname;

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: '/',
  plugins: [svelte(), earlyStart(), favicon()],
  // Present, so `vite build` builds every environment below, the page and its server build.
  builder: {},
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    // `/assets/<course>/…` belongs to course images and code colours; the page's own bundles
    // live elsewhere so neither host has to guess which is which.
    assetsDir: '_app',
    // Both hosts run a current Chromium, which has modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs in CSS or JS; keep every asset a file on 'self'.
    assetsInlineLimit: 0,
    // One stylesheet, linked from index.html: a stylesheet split off with start.ts would be
    // fetched only once main.ts runs, and the app would wait for it before it could mount.
    cssCodeSplit: false,
  },
  environments: {
    client: {},
    ssr: {
      // Everything bundled, Svelte too: the packaged app ships only production dependencies.
      resolve: { noExternal: true },
      build: {
        outDir: path.join(root, 'dist/page-server'),
        emptyOutDir: true,
        rollupOptions: {
          input: path.join(root, 'renderer/src/server.ts'),
          output: { entryFileNames: 'render.js' },
        },
      },
    },
  },
});

/**
 * The page's first moments (see renderer/src/main.ts): the entry script runs as soon as it is
 * loaded rather than after the stylesheet (async), so that it asks for the lesson at once; and the
 * browser paints nothing until it has run (blocking="render"). An empty page painted meanwhile
 * is a frame nobody sees that the lesson's first paint then waits behind: 15–20 ms on a small
 * machine (bench:render, same-run A/B).
 *
 * The app's own chunk (start.ts) is deliberately not preloaded: Chromium compiles a preloaded
 * module on the main thread as soon as it arrives, which held the entry back by 15–20 ms
 * (bench:render, same-run A/B). Imported by the entry instead, it loads and compiles while the
 * lesson is on its way, which is time the page spends waiting anyway.
 */
function earlyStart(): Plugin {
  return {
    name: 'studybook-early-start',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="[^"]+"><\/script>/;
        if (!entry.test(html))
          throw new Error('index.html has no module entry script to start early.');
        return html.replace(entry, (tag) =>
          tag.replace('<script type="module"', '<script type="module" async blocking="render"'),
        );
      },
    },
  };
}

/**
 * The browser tab's icon, as a PNG rendered from renderer/favicon.svg (a design drawn for small
 * sizes). Chromium decodes an SVG icon as a whole SVG document on the page's main thread, just as
 * a lesson starts to render; a PNG costs next to nothing. Fingerprinted under _app/ like the
 * page's own files, so that a browser keeps it rather than asking for it again on every load,
 * in the middle of the first lesson's arrival.
 */
function favicon(): Plugin {
  const NAME = 'favicon.png';
  return {
    name: 'studybook-favicon',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() {
      const svg = readFileSync(path.join(root, 'renderer/favicon.svg'), 'utf8');
      this.emitFile({ type: 'asset', name: NAME, source: renderPng(svg, 64) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const icon = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'asset' && output.names.includes(NAME),
        );
        if (!icon) throw new Error('The build has no tab icon.');
        const link = `href="/${NAME}"`;
        if (!html.includes(link)) throw new Error(`index.html does not link /${NAME}.`);
        return html.replace(link, `href="/${icon.fileName}"`);
      },
    },
  };
}
