import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import { defineConfig } from "vite";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // The version written into exports' provenance.
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: "es" },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: false },
  build: {
    // web-llm alone is several MB; it is loaded lazily inside its worker.
    chunkSizeWarningLimit: 8000,
  },
});
