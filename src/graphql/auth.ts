// Who may write: a request with `Authorization: Bearer <API_TOKEN>`. Without API_TOKEN
// the mutations are off for everyone.
import { createHash, timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";

export type Auth = "disabled" | "missing" | "invalid" | "ok";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares digests of equal length in constant time, so the comparison leaks neither the token nor its length. */
export function authorize(authorization: string | undefined, apiToken: string | undefined): Auth {
  if (!apiToken) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "missing";
  return timingSafeEqual(digest(match[1]!), digest(apiToken)) ? "ok" : "invalid";
}

export function requireWriter(auth: Auth): void {
  switch (auth) {
    case "ok":
      return;
    case "disabled":
      throw new GraphQLError("writes are disabled on this server: set API_TOKEN to enable the mutations", { extensions: { code: "FORBIDDEN" } });
    case "missing":
      throw new GraphQLError("this mutation needs the header `Authorization: Bearer <API_TOKEN>`", { extensions: { code: "UNAUTHENTICATED" } });
    case "invalid":
      throw new GraphQLError("the bearer token is not valid", { extensions: { code: "UNAUTHENTICATED" } });
  }
}
