// Text in, canonical entities and attributed quotes out: extraction then resolution.
import { extract } from "../extract/index.ts";
import { resolveArticle } from "./index.ts";
import type { ResolvedArticle } from "./types.ts";

export function analyseArticle(body: string): ResolvedArticle {
  return resolveArticle(extract(body), body);
}
