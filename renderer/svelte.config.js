// Read by vite-plugin-svelte, svelte-check and eslint-plugin-svelte alike, so all three agree.
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // Runes everywhere: a component written in the legacy syntax fails to compile.
  compilerOptions: { runes: true },
};
