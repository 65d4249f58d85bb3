// The website widget (src/widget): one classic script at /widget/v1.js that other companies' pages load, so it is
// built apart from the pages: a single self-contained IIFE (no chunks, no module imports across origins), written
// after the pages' build has emptied ../wwwroot.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "../wwwroot/widget"),
    emptyOutDir: false,
    target: "es2020",
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: resolve(import.meta.dirname, "src/widget/widget.ts"),
      formats: ["iife"],
      name: "OrleansPortalWidget",
      fileName: () => "v1.js",
    },
  },
});
