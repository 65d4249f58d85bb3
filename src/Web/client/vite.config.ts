// Builds every page under pages/ (one index.html per screen) into ../wwwroot, where the app serves it.
// ../wwwroot holds nothing else, so each build empties it first: no stale page or bundle outlives its source.
import { readdirSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

const pagesRoot = resolve(import.meta.dirname, "pages");

/** The /tech/ page's service worker: an entry of its own, at a fixed address whose folder is its scope. */
const pushWorker = { name: "tech/push-worker", source: resolve(import.meta.dirname, "src/screens/tech/pushWorker/pushWorker.ts") };

/** pages/<name>/index.html and pages/<name>/<sub>/index.html, each an entry of its own. */
function pageEntries(dir: string, prefix = ""): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (!item.isDirectory()) continue;
    const folder = resolve(dir, item.name);
    const name = prefix + item.name;
    if (existsSync(resolve(folder, "index.html"))) entries[name] = resolve(folder, "index.html");
    Object.assign(entries, pageEntries(folder, name + "/"));
  }
  return entries;
}

export default defineConfig({
  root: pagesRoot,
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: resolve(import.meta.dirname, "../wwwroot"),
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    sourcemap: true,
    reportCompressedSize: true,
    rolldownOptions: {
      input: { ...pageEntries(pagesRoot), [pushWorker.name]: pushWorker.source },
      output: { entryFileNames: chunk => (chunk.name === pushWorker.name ? `${pushWorker.name}.js` : "assets/[name]-[hash].js") },
    },
  },
});
