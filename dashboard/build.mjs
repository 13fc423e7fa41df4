// Bundles the owner dashboard: src/main.js with uPlot from node_modules into dist/dashboard.js, the styles
// (uPlot's and ours) into dist/dashboard.css, and copies the page template. The .NET build embeds dist/ in
// FleetServerless.Cloud, so the page loads nothing from another server at run time.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
await mkdir(dist, { recursive: true });

await build({
  entryPoints: { dashboard: join(root, "src", "main.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: dist,
  legalComments: "inline",
  logLevel: "warning",
});

await copyFile(join(root, "src", "index.html"), join(dist, "dashboard.html"));
