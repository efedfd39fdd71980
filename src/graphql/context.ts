import type { DbHandle } from "../store/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export interface Context {
  store: DbHandle;
  loaders: Loaders;
}

export function createContext(store: DbHandle): Context {
  return { store, loaders: createLoaders(store) };
}
