// Serves GraphiQL at /graphiql and its bundle at /graphiql/assets/*, from dist/web/graphiql.
// Only the files the build listed are served (no path from the URL reaches the disk), and
// the page's Content-Security-Policy allows our own origin only: a CDN load would fail.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ensureGraphiql, GRAPHIQL_DIST, type GraphiqlManifest } from "./build.ts";

export const GRAPHIQL_PATH = "/graphiql";
const ASSETS_PATH = `${GRAPHIQL_PATH}/assets/`;

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  ttf: "font/ttf",
  woff: "font/woff",
  woff2: "font/woff2",
  svg: "image/svg+xml",
  png: "image/png",
};

// Monaco injects <style> elements and GraphiQL's CSS inlines fonts and icons as data: URLs.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

function page(stamp: string): string {
  const asset = (file: string) => `${ASSETS_PATH}${file}?v=${stamp}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("graphiql.css")}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${asset("graphiql.js")}"></script>
</body>
</html>
`;
}

export function isGraphiqlPath(pathname: string): boolean {
  return pathname === GRAPHIQL_PATH || pathname === `${GRAPHIQL_PATH}/` || pathname.startsWith(ASSETS_PATH);
}

export interface GraphiqlRoutes {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

export function graphiqlRoutes(dir = GRAPHIQL_DIST): GraphiqlRoutes {
  // Built (or checked) once per server, on the first request: servers that never show
  // GraphiQL never pay for it.
  let ready: Promise<GraphiqlManifest> | undefined;
  const manifest = () => {
    ready ??= ensureGraphiql(dir).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  return {
    async handle(req, res, pathname) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
        return;
      }
      const { stamp, files } = await manifest();
      if (!pathname.startsWith(ASSETS_PATH)) {
        const html = page(stamp);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP, "cache-control": "no-cache" });
        res.end(req.method === "HEAD" ? undefined : html);
        return;
      }
      const name = pathname.slice(ASSETS_PATH.length);
      const type = CONTENT_TYPES[name.split(".").pop() ?? ""];
      if (!files.includes(name) || !type) {
        res.writeHead(404, { "content-type": "text/plain" }).end("no such GraphiQL asset\n");
        return;
      }
      const etag = `"${stamp}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && /\.(js|css)$/.test(name);
      const body = await readFile(join(dir, gzip ? `${name}.gz` : name));
      res.writeHead(200, {
        "content-type": type,
        "content-length": body.length,
        etag,
        "cache-control": "no-cache",
        vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    },
  };
}
