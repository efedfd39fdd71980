// A cache for pure functions of a string, shared by the lexicon's lookups and resolution's
// name functions, which are asked for the same names again and again (each mention of a
// name, each merge test, and across the articles of a thread).

/**
 * Memoizes a pure function of a string. Bounded: the cache starts over when full, so
 * memory stays flat on any corpus, and results never depend on what it holds.
 */
export function memoize<R>(compute: (s: string) => R, max = 50_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    let r = cache.get(s);
    if (r === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      r = compute(s);
      cache.set(s, r);
    }
    return r as R;
  };
}
