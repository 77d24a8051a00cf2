// Starts the built app's preview server for a browser benchmark, and stops it for real.
import { spawn } from "node:child_process";

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Runs Vite itself, not through npx (killing npx leaves the server running), after checking
 * the port is free: a server left by an interrupted run would serve another build.
 */
export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const url = `http://localhost:${port}/`;
  if (await answers(url)) throw new Error(`port ${port} is already in use; stop that server first`);
  const server = spawn(
    process.execPath,
    [
      "node_modules/vite/bin/vite.js",
      "preview",
      "--port",
      String(port),
      "--strictPort",
      // E2E_DIST serves another build folder than dist/, as in playwright.config.ts.
      ...(process.env.E2E_DIST ? ["--outDir", process.env.E2E_DIST] : []),
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100 && !(await answers(url)); i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!(await answers(url))) {
    server.kill();
    throw new Error(`no server at ${url}`);
  }
  return { url, stop: () => server.kill() };
}
