import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { startPreview } from './electron/preview/start-preview.ts';
const p = await startPreview({ courseDirs: ['content/python-backend'], dataDir: mkdtempSync('/tmp/sb/d-'), quiet: true, rendererDir: '/tmp/sb/dist-dev' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(p.url + '#/python-backend/deployment'); await page.waitForTimeout(500);
await page.goto('about:blank');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(p.url + '#/python-backend/deployment');
await page.waitForTimeout(1200);
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; 
for (let i = 0; i < profile.samples.length; i++) {
  const n: any = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, v] of top) console.log(v.toFixed(1).padStart(8), k);
await browser.close(); await p.close();
