import { defineConfig } from "vite";

// Bundles the `ipt` command (src/cli) for Node. Node built-ins stay external; core and the
// OpenAI-compatible engine are bundled in, so the CLI runs without the app's build.
export default defineConfig({
  build: {
    ssr: "src/cli/main.ts",
    outDir: "src/cli/dist",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: { output: { entryFileNames: "ipt.mjs", format: "es" } },
  },
});
