// The preview host serves the built renderer and renders pages with its server build, so every
// run tests the page as it ships: build both once, before any test starts.
import { buildPage } from '../../scripts/build-page.ts';

export default async function globalSetup(): Promise<void> {
  await buildPage();
}
