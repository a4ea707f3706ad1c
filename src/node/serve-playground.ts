import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../core/usage-error.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** The built playground: beside the bundled bin (dist/playground), found from the bundle's own location. */
export function playgroundDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  for (const candidate of [join(here, "playground"), join(here, "..", "..", "dist", "playground"), join(here, "..", "playground")]) {
    if (existsSync(join(candidate, "index.html"))) return candidate;
  }
  throw new UsageError("the playground is not built: run `npm run build:playground`");
}

/** Serve the static playground; resolves to its URL once listening. */
export function servePlayground(port: number, host = "127.0.0.1"): Promise<string> {
  const root = playgroundDir();
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!.split("#")[0]!);
    const rel = normalize(path === "/" ? "/index.html" : path).replace(/^([/\\])+/, "");
    const file = join(root, rel);
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => reject(new UsageError(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`)));
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === "object" && addr ? addr.port : port;
      resolve(`http://${host}:${p}/`);
    });
  });
}
