// Builds the static playground into dist/playground/: the library bundled for
// the browser (which also proves the browser-bound modules import no node:*),
// the page, and the example units of examples/ for its menu.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const out = "dist/playground";
mkdirSync(out, { recursive: true });

const NAMES = {
  "onetime-secret": "Onetime Secret worker",
  "it-glue": "IT Glue backup timer",
  sidekiq: "Sidekiq service",
  gwcelery: "GWCelery user unit",
};
const examples = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const group = relative("examples", p).split("/")[0];
      examples.push({ name: `${NAMES[group] ?? group}: ${name}`, filename: name, text: readFileSync(p, "utf8") });
    }
  }
};
walk("examples");

const result = await build({
  entryPoints: ["src/playground/main.ts"],
  outfile: join(out, "app.js"),
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  define: { __PLAYGROUND_EXAMPLES__: JSON.stringify(examples) },
  metafile: true,
  logLevel: "warning",
});
copyFileSync("playground/index.html", join(out, "index.html"));
copyFileSync("playground/style.css", join(out, "style.css"));

const js = readFileSync(join(out, "app.js"));
const gz = gzipSync(js, { level: 9 }).length;
const sizes = { bytes: js.length, gzip: gz };
writeFileSync(join(out, "sizes.json"), JSON.stringify(sizes) + "\n");
if (!process.argv.includes("--quiet")) console.log(`playground: app.js ${(js.length / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped`);
void result;
