// A corpus of short made-up articles (no text from elsewhere) whose people,
// organizations and places overlap from article to article, so that loading them
// exercises the entity upserts and counts. Deterministic: the same call writes the
// same files.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "../../src/seeded-random.ts";

const FIRST = ["Maria", "John", "Anna", "David", "Laura", "Peter", "Sofia", "James", "Elena", "Thomas", "Clara", "Daniel"];
const LAST = ["Lopez", "Carter", "Schmidt", "Chen", "Rossi", "Novak", "Berg", "Walsh", "Moreau", "Okafor", "Lindqvist", "Duarte"];
const ORGANIZATIONS = ["United Nations", "World Bank", "Red Cross", "European Union", "World Health Organization", "NATO"];
const PLACES = ["Berlin", "Paris", "Madrid", "Tokyo", "Cairo", "Lisbon", "Vienna", "Nairobi", "Oslo", "Lima"];
const TOPICS = ["the harbour", "the new bridge", "the water supply", "the rail line", "the school budget", "the power grid"];


/** The text of article `i`: a title line, a blank line, then a few paragraphs. */
export function corpusArticle(i: number): string {
  const next = seededRandom(i + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const [a, b, c] = [person(), person(), person()];
  const org = pick(ORGANIZATIONS);
  const [here, there] = [pick(PLACES), pick(PLACES)];
  const topic = pick(TOPICS);
  const surname = (name: string) => name.split(" ")[1]!;
  return [
    `Talks on ${topic} in ${here}, round ${i}`,
    "",
    `${a} met ${b} in ${here} on Monday to discuss ${topic}, officials of the ${org} said.`,
    "",
    `“We agreed on the first steps of plan ${i},” ${surname(a)} said after the meeting. ${b} said the work would start in ${there} within weeks.`,
    "",
    `${c}, who advises the ${org}, told reporters: “The cost of round ${i} is still open.” ${surname(b)} did not comment.`,
    "",
  ].join("\n");
}

/** Writes `count` articles as `story-NNNN.txt` into a new temporary folder (or `dir`) and returns it. */
export function writeCorpus(count: number, dir = mkdtempSync(join(tmpdir(), "newsgraph-corpus-"))): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `story-${String(i).padStart(4, "0")}.txt`), corpusArticle(i));
  return dir;
}
