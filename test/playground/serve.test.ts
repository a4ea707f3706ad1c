// The playground's static server under bad requests: 400 and keep serving
// (`GET /%` once killed it with an uncaught URIError and a stack trace).
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBin } from "../helpers/cli.js";

let proc: ChildProcess;
let base: URL;
let stderr = "";

beforeAll(async () => {
  ensureBin();
  proc = spawn(process.execPath, [BIN, "playground", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/\S+/.exec(out);
      if (m) resolve(m[0]);
    });
    proc.once("exit", (code) => reject(new Error(`playground exited ${code}: ${stderr}`)));
  });
  base = new URL(line);
}, 120_000);

afterAll(() => proc?.kill());

/** A raw request, so that malformed paths reach the server as they are. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(base.port), base.hostname);
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.write(request);
  });
}

describe("playground server", () => {
  it.runIf(process.platform !== "win32")(
    "answers 400 to malformed paths and keeps serving",
    async () => {
      for (const path of ["/%", "/%E0%A4%A", "/%zz", "/a%00b"]) {
        const r = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect(r, path).toMatch(/^HTTP\/1\.1 400 /);
      }
      expect((await raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400")).toBe(true);
      expect((await fetch(new URL("/nope/../../etc/passwd", base))).status).toBe(404);
      const index = await fetch(base);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain("<html");
      expect(proc.exitCode).toBeNull();
      expect(stderr).toBe("");
    },
    60_000,
  );
});
