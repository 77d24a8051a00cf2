import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: "es" },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: false },
  build: {
    // web-llm alone is several MB; it is loaded lazily inside its worker.
    chunkSizeWarningLimit: 8000,
  },
});
