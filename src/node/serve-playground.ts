import { createServer, type ServerResponse } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
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
function playgroundDir(): string {
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
    try {
      serve(root, req.url ?? "/", req.method ?? "GET", res);
    } catch (e) {
      // Never let one request stop the server; say what went wrong without a stack trace.
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`internal error: ${(e as Error).message}\n`);
    }
  });
  // A malformed request line or header: answer 400 and close, as node does by default, without logging a stack.
  server.on("clientError", (_e, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
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

function serve(root: string, url: string, method: string, res: ServerResponse): void {
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { "content-type": "text/plain", allow: "GET, HEAD" }).end("method not allowed\n");
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.split("?")[0]!.split("#")[0]!);
  } catch {
    // `GET /%` once killed the server with an uncaught URIError.
    res.writeHead(400, { "content-type": "text/plain" }).end("bad request: malformed percent-encoding in the path\n");
    return;
  }
  if (path.includes("\0")) {
    res.writeHead(400, { "content-type": "text/plain" }).end("bad request: NUL in the path\n");
    return;
  }
  const rel = normalize(path === "/" ? "/index.html" : path).replace(/^([/\\])+/, "");
  const file = join(root, rel);
  // statSync would throw on a folder's missing file: existsSync first; a folder is not served.
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
  res.end(method === "HEAD" ? undefined : readFileSync(file));
}
