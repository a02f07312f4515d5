// `node --import ./use-fake-electron.ts main.js`: resolves `electron` to fake-electron.ts.
import { registerHooks } from 'node:module';

const fake = new URL('./fake-electron.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: fake, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
