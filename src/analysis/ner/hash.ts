// Allocation-free 32-bit hashing of strings and integer tuples (FNV-1a + murmur3 finaliser).

const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  const s = String.fromCharCode(c).toLowerCase();
  LOWER[c] = s.length === 1 ? s.charCodeAt(0) : c;
}
/** Lower-case one UTF-16 code unit (table lookup, no allocation). */
export function lowerCode(c: number): number {
  return LOWER[c]!;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;

export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** Case-sensitive hash of a string. */
export function hashStr(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix(h);
}

/** Case-insensitive hash of a string (equal to hashStr(s.toLowerCase()) for 1:1 case mappings). */
export function hashLower(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, LOWER[s.charCodeAt(i)]!);
  return fmix(h);
}

/** Hash of the Title-case form (first code unit as is upper-cased by caller's convention, rest lower). */
export function hashTitle(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = fnvStep(h, i === 0 ? c : LOWER[c]!);
  }
  return fmix(h);
}

/** murmur3 32-bit finaliser. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combine two 32-bit values into one hash. */
export function mix2(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}

export function mix3(a: number, b: number, c: number): number {
  return mix2(mix2(a, b), c);
}

/** Open-addressing hash table from 32-bit keys to 32-bit values (key 0 is remapped). */
export class IntMap {
  keys: Int32Array;
  vals: Int32Array;
  mask: number;
  size = 0;
  constructor(capacityPow2 = 1024) {
    let cap = 16;
    while (cap < capacityPow2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  static fromArrays(keys: Int32Array, vals: Int32Array): IntMap {
    const m = new IntMap(1);
    m.keys = keys;
    m.vals = vals;
    m.mask = keys.length - 1;
    let n = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) n++;
    m.size = n;
    return m;
  }
  private static fixKey(k: number): number {
    return k === 0 ? 0x5bd1e995 : k | 0;
  }
  get(key: number, missing = -1): number {
    const k = IntMap.fixKey(key);
    const keys = this.keys;
    const mask = this.mask;
    let i = fmix(k) & mask;
    for (;;) {
      const kk = keys[i]!;
      if (kk === k) return this.vals[i]!;
      if (kk === 0) return missing;
      i = (i + 1) & mask;
    }
  }
  set(key: number, val: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const k = IntMap.fixKey(key);
    let i = fmix(k) & this.mask;
    for (;;) {
      const kk = this.keys[i]!;
      if (kk === k) {
        this.vals[i] = val;
        return;
      }
      if (kk === 0) {
        this.keys[i] = k;
        this.vals[i] = val;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }
  private grow(): void {
    const ok = this.keys;
    const ov = this.vals;
    this.keys = new Int32Array(ok.length * 2);
    this.vals = new Int32Array(ok.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < ok.length; i++) {
      const k = ok[i]!;
      if (k !== 0) {
        let j = fmix(k) & this.mask;
        while (this.keys[j] !== 0) j = (j + 1) & this.mask;
        this.keys[j] = k;
        this.vals[j] = ov[i]!;
        this.size++;
      }
    }
  }
}
