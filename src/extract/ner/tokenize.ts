// News tokenizer with character offsets, shared by training (gazetteers, clusters) and inference.
// Follows the CoNLL-2003 / Penn Treebank conventions the tagger was trained on:
// `'s` and `n't` split off, `U.S.` and `Mr.` keep their period, hyphenated words
// (`al-Assad`, `1996-08-22`, `2-1`) stay whole, dashes and quotes are separate tokens.

export interface Token {
  /** The token exactly as written: `source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

const ABBREV = new Set(
  (
    "mr mrs ms dr prof st sr jr gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres " +
    "inc corp co ltd plc bros dept univ assn vs etc jan feb mar apr jun jul aug sep sept oct nov dec " +
    "mt ft ave blvd calif ariz colo conn fla mich minn mont neb nev okla tenn tex wis wyo"
  ).split(" "),
);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlnum(c: number): boolean {
  return isLetter(c) || isDigit(c) || (c >= 0x300 && c < 0x370);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}
function isApos(c: number): boolean {
  return c === 39 || c === 0x2019;
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Tokenize `text`; every token satisfies `text.slice(t.start, t.end) === t.text`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (s: number, e: number) => out.push({ text: text.slice(s, e), start: s, end: e });
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // URLs and e-mail addresses
    if ((c === 104 || c === 119) && /^(?:https?:\/\/|www\.)/.test(text.slice(i, i + 8))) {
      let j = i;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      while (j > i && /[.,;:!?)\]"'”’]/.test(text[j - 1]!)) j--;
      push(i, j);
      i = j;
      continue;
    }
    if (isAlnum(c)) {
      // a run of word characters joined by internal hyphens, apostrophes, periods (numbers, abbreviations)
      let j = i;
      for (;;) {
        while (j < n && isAlnum(text.charCodeAt(j))) j++;
        if (j + 1 < n) {
          const d = text.charCodeAt(j);
          const nx = text.charCodeAt(j + 1);
          // internal hyphen / slash between alnum: al-Assad, 1996-08-22, 2-1, 24/7
          if ((d === 45 || d === 0x2011 || (d === 47 && isDigit(nx) && isDigit(text.charCodeAt(j - 1)))) && isAlnum(nx)) {
            j += 1;
            continue;
          }
          // internal apostrophe: O'Neill, rock'n'roll; but not the clitics split below
          if (isApos(d) && isLetter(nx)) {
            // look ahead for the clitic: 's 're 've 'll 'm 'd followed by non-letter
            let k = j + 1;
            while (k < n && isLetter(text.charCodeAt(k))) k++;
            const tail = text.slice(j + 1, k).toLowerCase();
            if (tail === "s" || tail === "re" || tail === "ve" || tail === "ll" || tail === "m" || tail === "d" || tail === "t") break;
            j += 1;
            continue;
          }
          // digits with decimal point or thousands separator: 3.5, 1,000
          if ((d === 46 || d === 44 || d === 58) && isDigit(nx) && isDigit(text.charCodeAt(j - 1))) {
            j += 1;
            continue;
          }
          // abbreviation with internal periods: U.S., U.N., a.m.
          if (d === 46 && isLetter(nx) && j - i >= 1 && isLetter(text.charCodeAt(j - 1)) && (j - 1 === i || text.charCodeAt(j - 2) === 46)) {
            const after = j + 2 < n ? text.charCodeAt(j + 2) : 32;
            if (after === 46 || !isAlnum(after)) {
              j += 1;
              continue;
            }
          }
        }
        break;
      }
      // trailing period of abbreviations: U.S. / Mr. / single initial `W.`
      if (j < n && text.charCodeAt(j) === 46) {
        const word = text.slice(i, j);
        const lw = word.toLowerCase();
        if (
          word.includes(".") ||
          ABBREV.has(lw) ||
          (word.length === 1 && isUpper(word.charCodeAt(0)))
        ) {
          // don't swallow the sentence-final period of "in the U.S." when followed by end of text? keep CoNLL style: U.S. keeps it
          j += 1;
        }
      }
      // split n't: don't -> do n't
      if (j - i >= 3 && j < n && isApos(text.charCodeAt(j)) && (text.charCodeAt(j - 1) | 32) === 110 && (text.charCodeAt(j + 1) | 32) === 116) {
        if (j - 1 > i) push(i, j - 1);
        push(j - 1, j + 2);
        i = j + 2;
        continue;
      }
      push(i, j);
      i = j;
      // clitic 's 're 've 'll 'm 'd
      if (i < n && isApos(text.charCodeAt(i))) {
        let k = i + 1;
        while (k < n && isLetter(text.charCodeAt(k))) k++;
        const tail = text.slice(i + 1, k).toLowerCase();
        if (tail === "s" || tail === "re" || tail === "ve" || tail === "ll" || tail === "m" || tail === "d") {
          push(i, k);
          i = k;
        }
      }
      continue;
    }
    // multi-character punctuation: dashes, ellipsis, `` and ''
    if (c === 45 && i + 1 < n && text.charCodeAt(i + 1) === 45) {
      let j = i;
      while (j < n && text.charCodeAt(j) === 45) j++;
      push(i, j);
      i = j;
      continue;
    }
    if (c === 46 && i + 2 < n && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
      let j = i;
      while (j < n && text.charCodeAt(j) === 46) j++;
      push(i, j);
      i = j;
      continue;
    }
    if ((c === 96 || c === 39) && i + 1 < n && text.charCodeAt(i + 1) === c) {
      push(i, i + 2);
      i += 2;
      continue;
    }
    // surrogate pairs stay together
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      push(i, i + 2);
      i += 2;
      continue;
    }
    push(i, i + 1);
    i++;
  }
  return out;
}

/** Map typographic variants to the ASCII forms of the training data (used for features only). */
export function normalizeToken(t: string): string {
  switch (t) {
    case "\u201c":
    case "\u201d":
    case "\u201e":
    case "``":
    case "''":
    case "\u00ab":
    case "\u00bb":
      return '"';
    case "\u2018":
    case "\u2019":
      return "'";
    case "\u2014":
    case "\u2013":
    case "\u2012":
    case "\u2015":
      return "--";
    case "\u2026":
      return "...";
  }
  if (t.length >= 2 && t.charCodeAt(0) === 0x2019) return "'" + t.slice(1); // ’s -> 's
  if (t.indexOf("\u2019") >= 0) return t.replace(/\u2019/g, "'");
  return t;
}

/** Split a token list into sentences (by line breaks and sentence-final punctuation). */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (cur.length > 0) {
      const prev = cur[cur.length - 1]!;
      if (text.slice(prev.end, t.start).includes("\n")) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push(t);
    const s = t.text;
    if (s === "." || s === "!" || s === "?" || s === "..." || s === "\u2026") {
      // absorb closing quotes / brackets
      while (k + 1 < tokens.length && /^(?:["'”’)\]]|'')$/.test(tokens[k + 1]!.text) && tokens[k + 1]!.start === cur[cur.length - 1]!.end) {
        cur.push(tokens[++k]!);
      }
      const nx = tokens[k + 1];
      if (!nx || /^[A-Z0-9"“‘'(\[]/.test(nx.text) || /[\p{Lu}]/u.test(nx.text[0]!)) {
        out.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
