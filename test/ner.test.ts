import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tokenize } from "../src/analysis/tokenize.ts";
import { splitSentences } from "../src/analysis/sentences.ts";
import { normalizeToken } from "../src/analysis/ner/normalize.ts";
import { viterbi } from "../src/analysis/ner/viterbi.ts";
import { Featurizer } from "../src/analysis/ner/features.ts";
import { emptyLexicon, addPhrase } from "../src/analysis/ner/lexicon.ts";
import { trainPerceptron, type TrainSeq } from "../src/analysis/ner/perceptron.ts";
import { Tagger, buildModel, serializeModel, deserializeModel } from "../src/analysis/ner/model.ts";
import { loadModel, loadTagger, nerModelDir, writeModel } from "../src/analysis/runtime/ner-model.ts";
import { NUM_TAGS, iobSpans, spansToBilou, bilouToIob2 } from "../src/analysis/ner/tags.ts";
import { conllEval, parseConll, pipelineDoc, pipelineEval, spanEval } from "../src/analysis/ner/conll.ts";
import { exchangeCluster } from "../src/analysis/ner/clusters.ts";

test("the tagger reads the pipeline's tokens: offsets kept, sentences split, marks as in its training data", () => {
  const text = "WASHINGTON \u2014 Syria\u2019s Bashar al-Assad met U.S. envoys on 1996-08-22, Mr. Smith said: \u201cWe don\u2019t know.\u201d";
  const toks = tokenize(text);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(
    toks.map((t) => t.text).slice(0, 16),
    ["WASHINGTON", "\u2014", "Syria", "\u2019s", "Bashar", "al-Assad", "met", "U.S.", "envoys", "on", "1996-08-22", ",", "Mr.", "Smith", "said", ":"],
  );
  assert.equal(normalizeToken("\u2019s"), "'s");
  assert.equal(normalizeToken("\u201c"), '"');
  assert.equal(normalizeToken("\u2014"), "--");
  const s2 = "The firm's O'Neill won 2-1. Shares rose 3.5% to $1,200 -- a record.";
  assert.deepEqual(
    tokenize(s2).map((t) => t.text),
    ["The", "firm", "'s", "O'Neill", "won", "2-1", ".", "Shares", "rose", "3.5", "%", "to", "$", "1,200", "--", "a", "record", "."],
  );
  const sents = splitSentences(s2, tokenize(s2));
  assert.deepEqual(sents.map((s) => s.length), [7, 11]);
  const head = "BRITAIN'S BLAIR VISITS U.N.\nHe spoke.";
  const ht = tokenize(head);
  assert.deepEqual(ht.map((t) => t.text).slice(0, 5), ["BRITAIN", "'S", "BLAIR", "VISITS", "U.N."]);
  assert.equal(splitSentences(head, ht).length, 2);
});

test("viterbi finds the best path under transition constraints", () => {
  // 2 tags, 3 tokens; transition 0->1 forbidden
  const K = 2;
  const NEG = -1e9;
  // (K+1)x(K+1): rows prev (0,1,start), cols cur (0,1,end)
  const trans = [0, NEG, 0, 0, 0, 0, 0, 0, NEG];
  const scores = [1, 0, 0, 2, 3, 0]; // token-wise best: 0,1,0 but 0->1 forbidden
  const out = new Uint8Array(3);
  const best = viterbi(scores, 3, K, trans, out);
  // candidates: 1,1,0 = 0+2+3 = 5 ; 0,0,0 = 1+0+3 = 4 ; 1,1,1 = 2 -> best is 1,1,0
  assert.deepEqual([...out], [1, 1, 0]);
  assert.equal(best, 5);
});

test("tag conversions and conlleval scoring", () => {
  const tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-MISC"];
  const b = spansToBilou(iobSpans(tags), tags.length);
  assert.deepEqual(bilouToIob2(b), ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-MISC"]);
  const r = conllEval([{ gold: ["B-PER", "I-PER", "O", "B-LOC"], pred: ["B-PER", "I-PER", "O", "B-ORG"] }]);
  assert.equal(r.overall.correct, 1);
  assert.equal(r.overall.f1, 50);
  const docs = parseConll("-DOCSTART- O\n\nA B-PER\nb O\n\nC B-LOC\n\n-DOCSTART- O\n\nD O\n\n");
  assert.equal(docs.length, 2);
  assert.equal(docs[0]!.sentences.length, 2);
});

test("CoNLL documents are read the product's way: pipeline tokens and sentences, gold by character offsets", () => {
  // `U.S.-based` is one CoNLL token that the pipeline splits in three; `Corp.` stays one;
  // CoNLL's spaced clitic is glued back (`Corp.'s`), as news prints it.
  const conll = "-DOCSTART- O\n\nU.S.-based B-MISC\nAcme I-MISC\nsaid O\n\nAcme B-ORG\nCorp. I-ORG\n's O\nshares O\nrose O\n. O\n\n";
  const [doc] = parseConll(conll).map(pipelineDoc);
  assert.ok(doc);
  assert.equal(doc.text, "U.S.-based Acme said\nAcme Corp.'s shares rose .\n");
  assert.deepEqual(
    doc.gold.map((g) => doc.text.slice(g.start, g.end)),
    ["U.S.-based Acme", "Acme Corp."],
  );
  const tokens = doc.sentences.map((s) => s.map((t) => t.text));
  const tags = doc.tags.map((t) => bilouToIob2(t));
  assert.deepEqual(tokens, [["U.S.", "-", "based", "Acme", "said"], ["Acme", "Corp.", "'s", "shares", "rose", "."]]);
  assert.deepEqual(tags, [["B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"], ["B-ORG", "I-ORG", "O", "O", "O", "O"]]);
  assert.equal(doc.unaligned, 0);
  assert.equal(doc.split, 0);

  // perfect tags score 100; a span one token short is wrong at the character level
  assert.equal(pipelineEval([doc], () => doc.tags).overall.f1, 100);
  const short = doc.tags.map((t) => t.slice());
  short[1]![0] = spansToBilou([{ type: 1, start: 0, end: 1 }], 1)[0]!;
  short[1]![1] = 0;
  const r = pipelineEval([doc], () => short);
  assert.equal(r.overall.correct, 1);
  assert.equal(r.byType.ORG!.correct, 0);
  assert.equal(spanEval([{ gold: [{ type: 0, start: 0, end: 4 }], pred: [{ type: 0, start: 0, end: 5 }] }]).overall.f1, 0);
});

test("a gold entity the pipeline's sentence split cuts becomes one entity per piece", () => {
  const [doc] = parseConll("-DOCSTART- O\n\nvisited O\n.Robbie B-PER\nMcEwen I-PER\n\n").map(pipelineDoc);
  assert.ok(doc);
  assert.equal(doc.split, 1);
  assert.equal(doc.sentences.length, 2);
  assert.deepEqual(doc.tags.map((t) => bilouToIob2(t)), [["O", "B-PER"], ["B-PER", "I-PER"]]);
});

test("exchange clustering separates words by their contexts", () => {
  // two word groups that occur in different contexts
  const V = 8; // 0 boundary, 1 the, 2 a, 3 cat, 4 dog, 5 runs, 6 sleeps, 7 .
  const seq: number[] = [0];
  const dets = [1, 2];
  const nouns = [3, 4];
  const verbs = [5, 6];
  for (let i = 0; i < 200; i++) seq.push(dets[i % 2]!, nouns[(i >> 1) % 2]!, verbs[(i >> 2) % 2]!, 7, 0);
  const cls = exchangeCluster(Int32Array.from(seq), V, 4, 10);
  assert.equal(cls[3], cls[4]);
  assert.equal(cls[5], cls[6]);
  assert.notEqual(cls[3], cls[5]);
});

test("train-and-predict round trip on hand-written sentences", () => {
  const lex = emptyLexicon();
  lex.gazNames = ["city"];
  addPhrase(lex, ["Paris"], 0);
  addPhrase(lex, ["New", "York"], 0);
  const data: [string, string][][] = [];
  const people = ["Alice Moreau", "Bob Kline", "Carla Diaz", "Dmitri Orlov", "Erin Walsh", "Farid Haddad"];
  const places = ["Paris", "New York", "Lagos", "Oslo", "Lima", "Quito"];
  const orgs = ["Acme Corp", "Globex Inc", "Initech Ltd"];
  for (let i = 0; i < 60; i++) {
    const p = people[i % people.length]!.split(" ");
    const l = places[(i * 5) % places.length]!.split(" ");
    const o = orgs[i % orgs.length]!.split(" ");
    const sent: [string, string][] = [];
    p.forEach((w, k) => sent.push([w, k === 0 ? "B-PER" : "I-PER"]));
    sent.push(["flew", "O"], ["to", "O"]);
    l.forEach((w, k) => sent.push([w, k === 0 ? "B-LOC" : "I-LOC"]));
    sent.push(["for", "O"]);
    o.forEach((w, k) => sent.push([w, k === 0 ? "B-ORG" : "I-ORG"]));
    sent.push([".", "O"]);
    data.push(sent);
  }
  const rowBits = 14;
  const fz = new Featurizer(lex, (1 << rowBits) - 1, NUM_TAGS, false);
  const seqs: TrainSeq[] = data.map((s) => {
    fz.prepare(s.map((x) => x[0]));
    const feats = new Int32Array(s.length * fz.F);
    fz.extract(feats, null);
    return { feats, n: s.length, gold: spansToBilou(iobSpans(s.map((x) => x[1])), s.length) };
  });
  const w = trainPerceptron(seqs, { rows: 1 << rowBits, F: fz.F, epochs: 5, seed: 3 });
  const model = deserializeModel(serializeModel(buildModel(rowBits, lex, w, null)));
  const tagger = new Tagger(model);

  // The same model as a directory: what ner:train writes and NER_MODEL_DIR names.
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-ner-"));
  try {
    writeModel(dir, model);
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    assert.equal(config.component, "averaged-perceptron");
    assert.deepEqual(config.labels, ["PER", "ORG", "LOC", "MISC"]);
    assert.deepEqual(readdirSync(dir).sort(), ["config.json", "lexicon.bin.gz", "weights.bin.gz"]);
    const fromDir = loadTagger(nerModelDir({ NER_MODEL_DIR: dir }));
    const text = "Erin Walsh flew to Oslo for Acme Corp.";
    assert.deepEqual(fromDir.tagSentences(text, splitSentences(text, tokenize(text))), tagger.tagText(text));
    writeFileSync(join(dir, "config.json"), JSON.stringify({ ...config, component: "crf" }));
    assert.throws(() => loadTagger(dir), /unknown component "crf" \(known: averaged-perceptron\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => loadTagger(join(tmpdir(), "no-such-model")), /NER model: cannot read .*no-such-model\/config\.json \(NER_MODEL_DIR names a model directory\)/);
  const [pred] = tagger.tagDocumentIob([["Carla", "Diaz", "flew", "to", "New", "York", "for", "Globex", "Inc", "."]]);
  assert.deepEqual(pred, ["B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O"]);
  const ents = tagger.tagText("Erin Walsh flew to Oslo for Acme Corp.");
  assert.deepEqual(
    ents.map((e) => [e.type, e.text]),
    [
      ["PER", "Erin Walsh"],
      ["LOC", "Oslo"],
      ["ORG", "Acme Corp."],
    ],
  );
});

const SHIPPED = new URL("../models/ner", import.meta.url).pathname;
test("shipped model loads and tags a news sentence", { skip: !existsSync(SHIPPED) }, () => {
  const t0 = Date.now();
  const tagger = new Tagger(loadModel(SHIPPED));
  assert.ok(Date.now() - t0 < 3000, "model loads quickly");
  const text = "Prime Minister Tony Blair told the BBC in London that Microsoft would open an office in Scotland.";
  const ents = tagger.tagText(text).map((e) => `${e.type}:${e.text}`);
  assert.ok(ents.includes("PER:Tony Blair"), ents.join(" "));
  assert.ok(ents.includes("ORG:BBC"), ents.join(" "));
  assert.ok(ents.includes("LOC:London"), ents.join(" "));
  assert.ok(ents.includes("ORG:Microsoft"), ents.join(" "));
  assert.ok(ents.includes("LOC:Scotland"), ents.join(" "));
  const iob = tagger.tagDocumentIob([["Angela", "Merkel", "visited", "Paris", "."]]);
  assert.deepEqual(iob[0], ["B-PER", "I-PER", "O", "B-LOC", "O"]);
});

test("a tagger that forgets its word types gives their arrays back and tags as before", { skip: !existsSync(SHIPPED) }, () => {
  const tagger = new Tagger(loadModel(SHIPPED));
  const text = "Maria Lopez, the mayor of Porto Vell, met Anna Berg of the United Nations in Geneva. Berg thanked Lopez.";
  const before = tagger.tagText(text);
  assert.ok(tagger.fz.tIntr.length > 0, "tagging fills the per-type rows");
  tagger.forgetWordTypes();
  assert.equal(tagger.fz.tIntr.length, 0);
  assert.equal(tagger.fz.tNb.length, 0);
  assert.deepEqual(tagger.tagText(text), before);
  assert.ok(tagger.fz.tIntr.length > 0, "the next document fills them again");
});
