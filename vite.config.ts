// Builds the renderer into dist/renderer, which both hosts serve: the app:// protocol in Electron
// and the preview server. Their CSP allows no inline script or style, so nothing here may make
// Vite inline either into index.html.
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: '/',
  plugins: [svelte()],
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
  },
});
