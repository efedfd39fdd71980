// The example frontend's build: `npm run build:web` (and the browser test, into a scratch
// folder). Relative asset paths, so the built folder can be served from any path or origin.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  logLevel: "warn",
  build: { outDir: "../../dist/web/example", emptyOutDir: true, reportCompressedSize: false },
});
