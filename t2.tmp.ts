import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { startPreview } from './electron/preview/start-preview.ts';
const dir = process.env.DIR ?? 'dist/renderer';
const route = process.env.ROUTE ?? '#/python-backend/deployment';
const p = await startPreview({ courseDirs: ['content/python-backend'], dataDir: mkdtempSync('/tmp/sb/d-'), quiet: true, rendererDir: dir });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.addInitScript(`window.__t = {}; new MutationObserver((m, o) => { if (document.querySelector('section h2')) { window.__t.h2 = performance.now(); o.disconnect(); requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { window.__t.painted = performance.now(); }; c.port2.postMessage(0); }); } }).observe(document, {childList: true, subtree: true});`);
await page.goto(p.url + route); await page.waitForTimeout(800);
const totals: Record<string, number>[] = [];
for (let i = 0; i < 3; i++) {
await page.goto('about:blank');
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
await page.goto(p.url + route);
await page.waitForTimeout(900);
const buf = await browser.stopTracing();
const trace = JSON.parse(buf.toString());
const t = await page.evaluate(() => (window as any).__t);
const events = trace.traceEvents as any[];
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' )?.ts ?? events.find(e => e.name === 'ResourceSendRequest')?.ts;
const sum: Record<string, number> = {};
const mainTid = events.find((e) => e.name === 'ParseHTML')?.tid;
for (const e of events) {
  if (e.ph !== 'X' || e.tid !== mainTid) continue;
  const start = (e.ts - nav) / 1000;
  if (start > t.painted) continue;
  if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) continue;
  sum[e.name] = (sum[e.name] ?? 0) + (e.dur ?? 0) / 1000;
}
console.log('painted', t.painted.toFixed(0), 'h2', t.h2.toFixed(0), Object.entries(sum).filter(([,v]) => v > 3).sort((a,b)=>b[1]-a[1]).map(([k,v]) => `${k}=${v.toFixed(0)}`).join(' '));
}
await browser.close(); await p.close();
