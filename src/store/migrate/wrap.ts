// Forwarding wrappers for driver adapters, to replace a method or two.
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

/** `adapter` with `dispose` replaced. */
export function withDispose(adapter: SqlDriverAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
  return delegate(adapter, { dispose });
}

/** An adapter forwarding to `inner` except for the given methods. */
export function delegate(inner: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: (script) => inner.executeScript(script),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    dispose: () => inner.dispose(),
    ...overrides,
  };
  if (inner.getConnectionInfo && !overrides.getConnectionInfo) {
    adapter.getConnectionInfo = () => inner.getConnectionInfo!();
  }
  return adapter;
}
