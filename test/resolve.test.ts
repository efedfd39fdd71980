import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extract } from "../src/analysis/index.ts";
import { resolveArticle } from "../src/resolve/index.ts";
import { normalizeName } from "../src/resolve/normalize.ts";
import { sportOf } from "../src/lexicon/sports.ts";
import { parseDocument } from "../src/documents/parse.ts";
import type { Extraction, Mention } from "../src/domain/extraction.ts";
import type { EntityType } from "../src/domain/entity-types.ts";
import type { ResolvedArticle, ResolvedEntity } from "../src/domain/resolved.ts";
import { analyseArticle } from "../src/analysis/runtime/analyse.ts";

/** Builds an extraction by hand: each surface form at its first position in `text`. */
function mentionsIn(text: string, forms: [EntityType, string, number?][]): Mention[] {
  return forms.map(([type, form, occurrence = 0]) => {
    let start = -1;
    for (let k = 0; k <= occurrence; k++) start = text.indexOf(form, start + 1);
    assert.ok(start >= 0, `${form} is in the text`);
    return { type, text: form, start, end: start + form.length };
  });
}

function entity(r: ResolvedArticle, type: EntityType, key: string): ResolvedEntity {
  const e = r.entities.find((x) => x.type === type && x.key === key);
  assert.ok(e, `entity ${type}:${key} in ${JSON.stringify(r.entities.map((x) => `${x.type}:${x.key}`))}`);
  return e;
}

test("normalizeName: case, diacritics, titles, possessives, punctuation and spacing", () => {
  assert.equal(normalizeName("PERSON", "President Donald Trump"), "donald trump");
  assert.equal(normalizeName("PERSON", "Mr. Trump’s"), "trump");
  assert.equal(normalizeName("PERSON", "Foreign Minister  Sergei Lavrov"), "sergey lavrov");
  assert.equal(normalizeName("PERSON", "Sergey Lavrov"), "sergey lavrov");
  assert.equal(normalizeName("PERSON", "Yuri Ushakov"), "yury ushakov");
  assert.equal(normalizeName("PERSON", "François Hollande"), "francois hollande");
  assert.equal(normalizeName("PERSON", "Bashar al-Assad"), "bashar assad");
  assert.equal(normalizeName("PERSON", "O’Malley"), "omalley");
  assert.equal(normalizeName("ORGANIZATION", "The Washington Post"), "washington post");
  assert.equal(normalizeName("ORGANIZATION", "Al-Nusra Front"), "al nusra front");
  for (const us of ["US", "U.S.", "United States", "the United States", "USA", "United States of America"]) {
    assert.equal(normalizeName("PLACE", us), "united states", us);
  }
  assert.equal(normalizeName("PLACE", "Britain"), "united kingdom");
  assert.equal(normalizeName("PLACE", "Aleppo"), "aleppo");
  assert.equal(normalizeName("PERSON", "..."), "");
});

test("Sergey Lavrov = Sergei Lavrov = Lavrov", () => {
  const text = "Sergey Lavrov spoke. Russian Foreign Minister Sergei Lavrov agreed. Lavrov left.";
  const r = resolveArticle(extract(text), text);
  const people = r.entities.filter((e) => e.type === "PERSON");
  assert.equal(people.length, 1);
  const lavrov = people[0]!;
  assert.equal(lavrov.key, "sergey lavrov");
  assert.equal(lavrov.name, "Sergey Lavrov");
  assert.deepEqual(lavrov.aliases, ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"]);
  assert.equal(lavrov.mentionCount, 3);
  assert.equal(lavrov.firstOffset, 0);
});

test("titles are stripped and a surname joins its full name", () => {
  const text = "President Bashar al-Assad met Mr. Putin. Assad thanked Putin.";
  const extraction: Extraction = {
    mentions: mentionsIn(text, [
      ["PERSON", "President Bashar al-Assad"],
      ["PERSON", "Mr. Putin"],
      ["PERSON", "Assad", 1],
      ["PERSON", "Putin", 1],
    ]),
    quotes: [],
  };
  const r = resolveArticle(extraction, text);
  assert.deepEqual(
    r.entities.map((e) => [e.key, e.mentionCount]),
    [["bashar assad", 2], ["putin", 2]],
  );
});

test("US = U.S. = United States, one country with geography", () => {
  const text = "The US and the U.S. Congress: the United States, or USA, in short.";
  const extraction: Extraction = {
    mentions: mentionsIn(text, [["PLACE", "US"], ["PLACE", "U.S."], ["PLACE", "United States"], ["PLACE", "USA"]]),
    quotes: [],
  };
  const r = resolveArticle(extraction, text);
  assert.equal(r.entities.length, 1);
  const us = r.entities[0]!;
  assert.equal(us.key, "united states");
  assert.equal(us.name, "United States");
  assert.deepEqual(us.aliases, ["United States", "US", "U.S.", "USA"]);
  assert.equal(us.mentionCount, 4);
  assert.equal(us.geo?.kind, "COUNTRY");
  assert.equal(us.geo?.countryCode, "US");
  assert.equal(typeof us.geo?.latitude, "number");
});

test("cities and unknown places get geography or OTHER", () => {
  const text = "Talks in Aleppo and Geneva, and near Foo Valley.";
  const extraction: Extraction = {
    mentions: mentionsIn(text, [["PLACE", "Aleppo"], ["PLACE", "Geneva"], ["PLACE", "Foo Valley"]]),
    quotes: [],
  };
  const r = resolveArticle(extraction, text);
  assert.deepEqual(entity(r, "PLACE", "aleppo").geo?.countryCode, "SY");
  assert.equal(entity(r, "PLACE", "aleppo").geo?.kind, "CITY");
  assert.equal(entity(r, "PLACE", "geneva").geo?.countryCode, "CH");
  assert.deepEqual(entity(r, "PLACE", "foo valley").geo, { kind: "OTHER", countryCode: null, latitude: null, longitude: null, regionCode: null });
});

test("two people sharing a surname are not merged; a bare surname is the one last named before it", () => {
  const text = "Bill Clinton spoke in Ohio. Clinton left early. Hillary Clinton arrived later. Clinton stayed.";
  const r = resolveArticle(extract(text), text);
  const people = r.entities.filter((e) => e.type === "PERSON");
  assert.deepEqual(people.map((e) => [e.key, e.name, e.mentionCount]), [["william clinton", "Bill Clinton", 2], ["hillary clinton", "Hillary Clinton", 2]]);
});

test("a titled surname goes only to a person known to be of its gender", () => {
  const text = "Khizr Khan and Ghazala Khan spoke. Mr. Khan wept.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["PERSON", "Khizr Khan"], ["PERSON", "Ghazala Khan"], ["PERSON", "Mr. Khan"]]), quotes: [] },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["khizr khan", 1], ["ghazala khan", 1], ["khan (m)", 1]]);
});

test("a titled surname beside one person of its gender and a name of no known gender joins that person", () => {
  const text = "Owen Marsh toured the coast. A poster read Vote Marsh. Mr Marsh smiled, and Mr Marsh left.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["PERSON", "Owen Marsh"], ["PERSON", "Vote Marsh"], ["PERSON", "Mr Marsh"], ["PERSON", "Mr Marsh", 1]]), quotes: [] },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["owen marsh", 3], ["vote marsh", 1]]);
});

test("a person's evidence carries the offices the article names them with, not honorifics", () => {
  const text = "Former Vice President Owen Marsh spoke. Mr Marsh said Gov. Marsh had been right.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["PERSON", "Owen Marsh"], ["PERSON", "Mr Marsh"], ["PERSON", "Marsh", 2]]), quotes: [] },
    text,
  );
  assert.deepEqual(entity(r, "PERSON", "owen marsh").evidence?.roles, ["governor", "vice president"]);
  const bare = "Mr Marsh spoke.";
  assert.deepEqual(entity(resolveArticle({ mentions: mentionsIn(bare, [["PERSON", "Mr Marsh"]]), quotes: [] }, bare), "PERSON", "marsh (m)").evidence?.roles, []);
});

test("a surname joins the only full name that ends with it", () => {
  const text = "Hillary Clinton arrived. Later Clinton spoke, and Trump replied.";
  const r = resolveArticle(extract(text), text);
  const clinton = entity(r, "PERSON", "hillary clinton");
  assert.deepEqual(clinton.aliases, ["Hillary Clinton", "Clinton"]);
  assert.equal(entity(r, "PERSON", "trump").mentionCount, 1);
});

test("organizations: short form and acronym join the full name", () => {
  const text = "The Washington Post and the Securities Exchange Commission (SEC) differ. The Post says the SEC is slow.";
  const r = resolveArticle(extract(text), text);
  const orgs = r.entities.filter((e) => e.type === "ORGANIZATION");
  assert.deepEqual(orgs.map((e) => [e.key, e.mentionCount]), [["washington post", 2], ["securities exchange commission", 3]]);
});

test("quotes point at their speaker's entity; places and pronouns without antecedent do not", () => {
  const text =
    "Russian presidential aide Yury Ushakov spoke.\n\n“We will wait for the new team,” Ushakov said.\n\n“Officials acknowledge a deal is hard,” the Washington Post adds.\n\n“Nobody knows what comes next,” she said.";
  const r = resolveArticle(extract(text), text);
  assert.equal(r.quotes.length, 3);
  assert.deepEqual(r.quotes[0]?.speaker, { type: "PERSON", key: "yury ushakov" });
  assert.equal(r.quotes[0]?.speakerName, "Ushakov", "the speaker as written");
  assert.equal(r.quotes[0]?.cue, "said");
  assert.deepEqual(r.quotes[1]?.speaker, { type: "ORGANIZATION", key: "washington post" });
  // `she` cannot be Yury Ushakov (a man's given name): unresolved.
  assert.equal(r.quotes[2]?.speaker, null);
  assert.equal(r.quotes[2]?.speakerName, "she");
  for (const q of r.quotes) assert.equal(text.slice(q.start, q.end), q.text);
});

test("seed article resolves to the expected entities and speakers", () => {
  const raw = readFileSync(new URL("../seeds/000_7cabb06b0e0d6da4.txt", import.meta.url), "utf8");
  const body = parseDocument(raw, "seed.txt").body;
  const r = resolveArticle(extract(body), body);
  const keys = (type: EntityType): string[] => r.entities.filter((e) => e.type === type).map((e) => e.key).sort();
  assert.deepEqual(keys("PERSON"), [
    "bashar assad", "donald trump", "hillary clinton", "kerry", "putin", "sergey lavrov", "yury ushakov",
  ]);
  // `Jabhat Fatah al-Sham (formerly Al-Nusra Front)`: one organization, the former name an alias.
  assert.deepEqual(keys("ORGANIZATION"), ["islamic state", "jabhat fatah al sham", "rt", "washington post", "white house"]);
  assert.deepEqual(entity(r, "ORGANIZATION", "jabhat fatah al sham").aliases, ["Jabhat Fatah al-Sham", "Al-Nusra Front"]);
  assert.equal(entity(r, "PLACE", "washington").geo?.kind, "CITY");
  for (const place of ["syria", "aleppo", "united states", "washington", "russia", "turkey", "saudi arabia", "qatar", "iran", "geneva", "lima", "peru", "abu dhabi", "united arab emirates", "moscow"]) {
    entity(r, "PLACE", place);
  }
  assert.deepEqual(entity(r, "PERSON", "sergey lavrov").aliases.sort(), ["Sergei Lavrov", "Sergey Lavrov"]);
  assert.deepEqual(entity(r, "PLACE", "united states").aliases.sort(), ["U.S.", "US", "United States"]);
  assert.deepEqual(
    r.quotes.map((q) => q.speaker?.key ?? null),
    ["washington post", "donald trump", "donald trump", "yury ushakov", "washington post", "washington post", "yury ushakov"],
  );
});

// Issue #4: canonical entities. Sentences of our own; hand-built extractions where the
// point is resolution, not what the tagger finds.

test("normalizeName: long titles, a country before a title, middle initials", () => {
  assert.equal(normalizeName("PERSON", "Secretary of State John Kerry"), "john kerry");
  assert.equal(normalizeName("PERSON", "U.S. Secretary of State John Kerry’s"), "john kerry");
  assert.equal(normalizeName("PERSON", "Minister of Foreign Affairs Sergei Lavrov"), "sergey lavrov");
  assert.equal(normalizeName("PERSON", "Russian Foreign Minister Sergei Lavrov"), "sergey lavrov");
  assert.equal(normalizeName("PERSON", "Donald J. Trump"), "donald trump");
  assert.equal(normalizeName("PERSON", "John F. Kennedy"), "john kennedy");
  assert.equal(normalizeName("PERSON", "Mrs. Clinton’s"), "clinton");
  // Initials that tell two people apart, and names made of initials, keep them.
  assert.equal(normalizeName("PERSON", "George W. Bush"), "george w bush");
  assert.notEqual(normalizeName("PERSON", "George H. W. Bush"), normalizeName("PERSON", "George W. Bush"));
  assert.equal(normalizeName("PERSON", "J. K. Rowling"), "j k rowling");
  // A country alone is no title: `America Ferrera` keeps her given name.
  assert.equal(normalizeName("PERSON", "America Ferrera"), "america ferrera");
});

test("Donald J. Trump = Donald Trump = Mr. Trump, one person with every form as an alias", () => {
  const text = "Donald J. Trump won. Donald Trump spoke, and Mr. Trump’s aides cheered.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["PERSON", "Donald J. Trump"], ["PERSON", "Donald Trump"], ["PERSON", "Mr. Trump’s"]]), quotes: [] },
    text,
  );
  assert.equal(r.entities.length, 1);
  const trump = r.entities[0]!;
  assert.equal(trump.key, "donald trump");
  assert.deepEqual(trump.aliases, ["Donald J. Trump", "Donald Trump", "Mr. Trump’s"]);
  assert.equal(trump.mentionCount, 3);
});

test("Yuri/Yury and al-Assad/Assad merge; Secretary of State is a title", () => {
  const text = "Yuri Ushakov met Secretary of State John Kerry and Bashar al-Assad. Later Yury Ushakov, Kerry and al-Assad spoke.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [
        ["PERSON", "Yuri Ushakov"], ["PERSON", "Secretary of State John Kerry"], ["PERSON", "Bashar al-Assad"],
        ["PERSON", "Yury Ushakov"], ["PERSON", "Kerry", 1], ["PERSON", "al-Assad", 1],
      ]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["yury ushakov", 2], ["john kerry", 2], ["bashar assad", 2]]);
  assert.deepEqual(entity(r, "PERSON", "bashar assad").aliases, ["Bashar al-Assad", "al-Assad"]);
});

test("distinct people sharing a surname stay apart; the bare surname joins neither when they are named together", () => {
  const text = "George W. Bush and George H. W. Bush met Jeb Bush. Bush said little.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [["PERSON", "George W. Bush"], ["PERSON", "George H. W. Bush"], ["PERSON", "Jeb Bush"], ["PERSON", "Bush", 3]]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["george w bush", 1], ["george h w bush", 1], ["jeb bush", 1], ["bush", 1]]);
});

test("stated aliases: formerly, previously known as, also known as, and an acronym in parentheses", () => {
  const text =
    "The Northern Lights Party (formerly the Aurora Movement) met the Union of Glassmakers (UGM). " +
    "The Harbour Alliance, previously known as Dockers United, joined. Mira Kowalska, also known as Red Mira, chaired. " +
    "The Aurora Movement and the UGM agreed.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [
        ["ORGANIZATION", "Northern Lights Party"], ["ORGANIZATION", "Aurora Movement"], ["ORGANIZATION", "Union of Glassmakers"],
        ["ORGANIZATION", "UGM"], ["ORGANIZATION", "Harbour Alliance"], ["ORGANIZATION", "Dockers United"],
        ["PERSON", "Mira Kowalska"], ["PERSON", "Red Mira"], ["ORGANIZATION", "Aurora Movement", 1], ["ORGANIZATION", "UGM", 1],
      ]),
      quotes: [],
    },
    text,
  );
  const orgs = r.entities.filter((e) => e.type === "ORGANIZATION");
  assert.deepEqual(orgs.map((e) => [e.key, e.name, e.mentionCount]), [
    ["northern lights party", "Northern Lights Party", 3],
    ["union of glassmakers", "Union of Glassmakers", 3],
    ["harbour alliance", "Harbour Alliance", 2],
  ]);
  assert.deepEqual(entity(r, "ORGANIZATION", "northern lights party").aliases, ["Northern Lights Party", "Aurora Movement"]);
  assert.deepEqual(entity(r, "ORGANIZATION", "harbour alliance").aliases, ["Harbour Alliance", "Dockers United"]);
  assert.deepEqual(entity(r, "PERSON", "mira kowalska").aliases, ["Mira Kowalska", "Red Mira"]);
});

test("Islamic State (ISIS): the acronym joins though its letters differ; without a cue two names stay two", () => {
  const text = "Islamic State (ISIS) lost ground. ISIS fighters fled. Al-Nusra Front and Jabhat Fatah al-Sham (a rival) clashed.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [
        ["ORGANIZATION", "Islamic State"], ["ORGANIZATION", "ISIS"], ["ORGANIZATION", "ISIS", 1],
        ["ORGANIZATION", "Al-Nusra Front"], ["ORGANIZATION", "Jabhat Fatah al-Sham"],
      ]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["islamic state", 3], ["al nusra front", 1], ["jabhat fatah al sham", 1]]);
  assert.deepEqual(entity(r, "ORGANIZATION", "islamic state").aliases, ["Islamic State", "ISIS"]);
});

test("a quote by a former name points at the current one", () => {
  const text = "Jabhat Fatah al-Sham (formerly Al-Nusra Front) issued a statement. “We stay,” Al-Nusra Front said.";
  const extraction = extract(text);
  const r = resolveArticle(extraction, text);
  const orgs = r.entities.filter((e) => e.type === "ORGANIZATION");
  assert.deepEqual(orgs.map((e) => e.key), ["jabhat fatah al sham"]);
  assert.deepEqual(r.quotes.map((q) => q.speaker?.key ?? null), ["jabhat fatah al sham"]);
});

test("an acronym in parentheses: only with the name's initial, and never a bridge between two names", () => {
  const text = "Karoo Rangers (KR) beat the Highveld Lions (SA). Sun Alliance (SA) and Star Airways (SA) sponsor them.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [
        ["ORGANIZATION", "Karoo Rangers"], ["ORGANIZATION", "KR"], ["ORGANIZATION", "Highveld Lions"], ["ORGANIZATION", "SA"],
        ["ORGANIZATION", "Sun Alliance"], ["ORGANIZATION", "SA", 1], ["ORGANIZATION", "Star Airways"], ["ORGANIZATION", "SA", 2],
      ]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(
    r.entities.map((e) => e.key),
    ["karoo rangers", "highveld lions", "sun alliance", "star airways"],
  );
  assert.deepEqual(entity(r, "ORGANIZATION", "karoo rangers").aliases, ["Karoo Rangers", "KR"]);
  assert.deepEqual(entity(r, "ORGANIZATION", "highveld lions").aliases, ["Highveld Lions"]);
  assert.deepEqual(entity(r, "ORGANIZATION", "star airways").aliases, ["Star Airways"], "the second SA does not join Star Airways to Sun Alliance");
});

test("keys agree across articles: ISIS = ISIL = Daesh = Islamic State, al-Assad = Assad, but Al Gore keeps his name", () => {
  const org = (name: string) => normalizeName("ORGANIZATION", name);
  const person = (name: string) => normalizeName("PERSON", name);
  assert.deepEqual(["ISIS", "ISIL", "Daesh", "the Islamic State", "Islamic State of Iraq and the Levant"].map(org), Array(5).fill("islamic state"));
  assert.equal(org("U.N."), org("United Nations"));
  // A renamed group is one organization only where the text says so.
  assert.notEqual(org("Al-Nusra Front"), org("Jabhat Fatah al-Sham"));
  assert.deepEqual(["Bashar al-Assad", "Bashar Assad", "President Bashar al-Assad"].map(person), Array(3).fill("bashar assad"));
  assert.equal(person("Abdel Fattah el-Sisi"), "abdel fattah sisi");
  assert.equal(person("Al Gore"), "al gore");
});

test("two articles with different forms of one name give the same entity keys", () => {
  const keys = (text: string) => analyseArticle(text).entities.map((e) => `${e.type}:${e.key}`).sort();
  const first = keys("Syrian President Bashar al-Assad met fighters of the Islamic State (ISIS) near Palmyra, officials said.");
  const second = keys("Bashar Assad said ISIL fighters had left Palmyra.");
  assert.ok(first.includes("PERSON:bashar assad") && first.includes("ORGANIZATION:islamic state"), first.join(", "));
  assert.ok(second.includes("PERSON:bashar assad") && second.includes("ORGANIZATION:islamic state"), second.join(", "));
});

test("clubs: a table's place names are partial clubs, a club named with its place carries it, a nickname its full name", () => {
  const table = "STANDINGS: LAKEVIEW 72 64. BRAMPTON 70 66. NEWPORT 61 75. CHICAGO 60 76. Attendance fell.";
  const t = resolveArticle(
    { mentions: mentionsIn(table, [["ORGANIZATION", "LAKEVIEW"], ["ORGANIZATION", "BRAMPTON"], ["ORGANIZATION", "NEWPORT"], ["ORGANIZATION", "CHICAGO"]]), quotes: [] },
    table,
  );
  // Cities the gazetteer knows (100,000 people or more) count; `Lakeview` does not (it stays an all-caps acronym).
  assert.deepEqual(
    t.entities.map((e) => [e.key, e.evidence?.partial, e.evidence?.surname]),
    [["lakeview", true, null], ["brampton", true, "brampton"], ["newport", true, "newport"], ["chicago", true, "chicago"]],
  );

  const report = "The Chicago White Sox beat the Boston Red Sox. The White Sox scored late, and the Chicago Tribune said so.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(report, [["ORGANIZATION", "Chicago White Sox"], ["ORGANIZATION", "Boston Red Sox"], ["ORGANIZATION", "White Sox", 1], ["ORGANIZATION", "Chicago Tribune"]]),
      quotes: [],
    },
    report,
  );
  assert.deepEqual(
    r.entities.map((e) => [e.key, e.mentionCount, e.evidence?.surname ?? null]),
    [["chicago white sox", 2], ["boston red sox", 1], ["chicago tribune", 1]].map(([k, n]) => [k, n, k === "chicago tribune" ? null : String(k).split(" ")[0]]),
  );
  assert.equal(normalizeName("ORGANIZATION", "Yankees"), "new york yankees");
});

test("laws, events, shows and awards are neither people nor organizations", () => {
  const text = "The Affordable Care Act came up at the Consumer Electronics Show, and Oscar voters met the Drudge Report before the Budget.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [["ORGANIZATION", "Affordable Care Act"], ["ORGANIZATION", "Consumer Electronics Show"], ["PERSON", "Oscar"], ["ORGANIZATION", "Drudge Report"], ["ORGANIZATION", "Budget"]]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(r.entities.map((e) => e.key), ["drudge report"]);
});

test("an acronym that ends a longer organization's name is not its short form", () => {
  const text = "The Junge SVP met on Monday. The SVP leadership and the Junge SVP disagreed, and the Post said so after the Washington Post asked.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [["ORGANIZATION", "Junge SVP"], ["ORGANIZATION", "SVP", 1], ["ORGANIZATION", "Junge SVP", 1], ["ORGANIZATION", "Post", 0], ["ORGANIZATION", "Washington Post"]]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["junge svp", 2], ["svp", 1], ["washington post", 2]]);
});

test("clubs: a place before a player's position is a club's, and a game report's opening place is its nickname club's", () => {
  const text = "The hosts led through Norwich striker Tom Reed and Sunderland forward Al Kane. Norwich Cathedral was full.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["ORGANIZATION", "Norwich"], ["PERSON", "Tom Reed"], ["ORGANIZATION", "Sunderland"], ["PERSON", "Al Kane"]]), quotes: [] },
    text,
  );
  assert.deepEqual(
    r.entities.filter((e) => e.type === "ORGANIZATION").map((e) => [e.key, e.evidence?.partial, e.evidence?.surname]),
    // A striker makes no soccer report: the clubs are not keyed with a sport.
    [["norwich", true, "norwich"], ["sunderland", true, "sunderland"]],
  );
  // Without a position after it a city stays what it was.
  const plain = "Norwich said on Monday that Sunderland would pay.";
  const p = resolveArticle({ mentions: mentionsIn(plain, [["ORGANIZATION", "Norwich"], ["ORGANIZATION", "Sunderland"]]), quotes: [] }, plain);
  assert.deepEqual(p.entities.map((e) => e.evidence?.partial), [false, false]);

  const report = "In Detroit, Sam Hale pitched a shutout as the Tigers blanked the Kansas City Royals 4-0.\nThe Chicago White Sox beat the Hawks.";
  const game = resolveArticle(
    {
      mentions: mentionsIn(report, [["PLACE", "Detroit"], ["PERSON", "Sam Hale"], ["ORGANIZATION", "Tigers"], ["ORGANIZATION", "Kansas City Royals"], ["ORGANIZATION", "Chicago White Sox"], ["ORGANIZATION", "Hawks"]]),
      quotes: [],
    },
    report,
  );
  // The Tigers carry Detroit; the Hawks, in a sentence that opens with no place, carry none.
  assert.deepEqual(
    game.entities.filter((e) => e.type === "ORGANIZATION").map((e) => [e.key, e.evidence?.surname]),
    [["tigers", "detroit"], ["kansas city royals", "kansas city"], ["chicago white sox", "chicago"], ["hawks", null]],
  );
});

test("an organization's last word does not join it across a compass word (`Stirling` is not `East Stirling`)", () => {
  const text = "East Stirling beat Stirling 2-1, and the Post said the Washington Post would print it.";
  const r = resolveArticle(
    { mentions: mentionsIn(text, [["ORGANIZATION", "East Stirling"], ["ORGANIZATION", "Stirling"], ["ORGANIZATION", "Post"], ["ORGANIZATION", "Washington Post"]]), quotes: [] },
    text,
  );
  assert.deepEqual(r.entities.map((e) => [e.key, e.mentionCount]), [["east stirling", 1], ["stirling", 1], ["washington post", 2]]);
});

test("a one-word name takes its type from the article: a named person's surname, a known outlet", () => {
  const text = "Dana Whitfield spoke in Ohio. Whitfield's campaign said Whitfield would win and Whitfield agreed, Fox reported, and Ford Motor said Ford would not.";
  const r = resolveArticle(
    {
      mentions: mentionsIn(text, [
        ["PERSON", "Dana Whitfield"],
        ["ORGANIZATION", "Whitfield's"],
        ["PERSON", "Whitfield", 2],
        ["PERSON", "Whitfield", 3],
        ["PERSON", "Fox"],
        ["ORGANIZATION", "Ford Motor"],
        ["ORGANIZATION", "Ford", 1],
      ]),
      quotes: [],
    },
    text,
  );
  assert.deepEqual(
    r.entities.map((e) => [e.type, e.key, e.mentionCount]),
    [["PERSON", "dana whitfield", 4], ["ORGANIZATION", "fox", 1], ["ORGANIZATION", "ford motor", 1], ["ORGANIZATION", "ford", 1]],
  );
  // Tagged an organization as often as a person when alone, the name stays an organization (`Bosch`).
  const firm = "Ada Lindqvist founded Lindqvist. Lindqvist said sales rose.";
  const f = resolveArticle({ mentions: mentionsIn(firm, [["PERSON", "Ada Lindqvist"], ["ORGANIZATION", "Lindqvist", 1], ["ORGANIZATION", "Lindqvist", 2]]), quotes: [] }, firm);
  assert.deepEqual(f.entities.map((e) => [e.type, e.key, e.mentionCount]), [["PERSON", "ada lindqvist", 1], ["ORGANIZATION", "lindqvist", 2]]);
  // A person of that surname named in full keeps the outlet's name a person's (`Liam Fox`).
  const uk = "Liam Fox spoke. Fox said the party would win.";
  const u = resolveArticle({ mentions: mentionsIn(uk, [["PERSON", "Liam Fox"], ["PERSON", "Fox", 1]]), quotes: [] }, uk);
  assert.deepEqual(u.entities.map((e) => [e.type, e.key, e.mentionCount]), [["PERSON", "liam fox", 2]]);
  // Tagged an organization only, but listed with a person: the named person's (a firm is not listed so).
  const pair = "Petra Lindqvist and Mara Holt were cleared. The board said Lindqvist and Holt may run again.";
  const l = resolveArticle(
    { mentions: mentionsIn(pair, [["PERSON", "Petra Lindqvist"], ["PERSON", "Mara Holt"], ["ORGANIZATION", "Lindqvist", 1], ["PERSON", "Holt", 1]]), quotes: [] },
    pair,
  );
  assert.deepEqual(l.entities.map((e) => [e.type, e.key, e.mentionCount]), [["PERSON", "petra lindqvist", 2], ["PERSON", "mara holt", 2]]);
});

test("a suffixed name is one person with its plain form, unless the article names two generations as kin", () => {
  const one = "Walter K. Odunsi Jr. opened the bridge. Walter Odunsi thanked the builders.";
  const r = resolveArticle({ mentions: mentionsIn(one, [["PERSON", "Walter K. Odunsi Jr."], ["PERSON", "Walter Odunsi"]]), quotes: [] }, one);
  const people = r.entities.filter((e) => e.type === "PERSON");
  assert.deepEqual(people.map((e) => e.key), ["walter odunsi jr"]);
  assert.equal(people[0]!.mentionCount, 2);
  // Partial: corpus resolution joins it to `walter odunsi` unless an article tells the two apart.
  assert.deepEqual(people[0]!.evidence && { partial: people[0]!.evidence.partial, surname: people[0]!.evidence.surname }, { partial: true, surname: "walter odunsi" });
  const kin = "Walter Odunsi Jr. opened the bridge his father, Walter Odunsi, had planned.";
  const k = resolveArticle({ mentions: mentionsIn(kin, [["PERSON", "Walter Odunsi Jr."], ["PERSON", "Walter Odunsi"]]), quotes: [] }, kin);
  assert.deepEqual(k.entities.map((e) => e.key), ["walter odunsi jr", "walter odunsi"]);
  assert.deepEqual(k.entities.map((e) => e.evidence?.partial), [false, false]);
  const two = "Walter Odunsi Sr. and Walter Odunsi Jr. opened the bridge.";
  const t = resolveArticle({ mentions: mentionsIn(two, [["PERSON", "Walter Odunsi Sr."], ["PERSON", "Walter Odunsi Jr."]]), quotes: [] }, two);
  assert.deepEqual(t.entities.map((e) => [e.key, e.evidence?.partial]), [["walter odunsi sr", false], ["walter odunsi jr", false]]);
  // A monarch's numeral is no generational suffix.
  assert.equal(normalizeName("PERSON", "Richard III"), "richard iii");
});

test("the sport of a report: the one it names, or whose posts and feats it names, most", () => {
  assert.equal(sportOf("Results of rugby union matches on Saturday, after the Scottish premier league games."), "rugby union");
  assert.equal(sportOf("The batsman was out lbw after two wickets fell before lunch."), "cricket");
  assert.equal(sportOf("English soccer league standings after Saturday's matches."), "soccer");
  assert.equal(sportOf("Rugby league semifinal: the Bulls lost by six points."), "rugby league");
  assert.equal(sportOf("The council met on Monday to discuss the budget."), null);
  // A post of a sport named in passing makes no report about it.
  assert.equal(sportOf("A quarterback knelt during the anthem, the senator said."), null);
  assert.equal(sportOf("She tries again as the economy rebounds and tries to grow."), null);
  // Named as often as each other: no sport.
  assert.equal(sportOf("A cricket ground and a tennis club share the park."), null);
});

test("a country in a team sport's report is its national side, keyed by the sport; where it is a place it stays one", () => {
  const cricket = "England beat Pakistan by five wickets. The bowler took three wickets for England. Rain fell in England all week.";
  const r = resolveArticle(
    { mentions: mentionsIn(cricket, [["PLACE", "England"], ["PLACE", "Pakistan"], ["PLACE", "England", 1], ["PLACE", "England", 2]]), quotes: [] },
    cricket,
  );
  assert.deepEqual(
    r.entities.map((e) => [e.type, e.key, e.mentionCount]),
    [["ORGANIZATION", "england (cricket)", 2], ["ORGANIZATION", "pakistan (cricket)", 1], ["PLACE", "england", 1]],
  );
  const soccer = "England's midfielder scored twice as England beat Moldova in a World Cup qualifier.";
  const s = resolveArticle({ mentions: mentionsIn(soccer, [["PLACE", "England"], ["PLACE", "England", 1], ["PLACE", "Moldova"]]), quotes: [] }, soccer);
  assert.deepEqual(s.entities.map((e) => e.key), ["england (soccer)", "moldova (soccer)"]);
  // Nationalities in parentheses and datelines name the country; outside sport nothing changes.
  const table = "Rugby union results: Dinamo ( Russia ) 21 Bath 19. MOSCOW , Russia: rugby in the rain.";
  const t = resolveArticle({ mentions: mentionsIn(table, [["PLACE", "Russia"], ["PLACE", "Russia", 1]]), quotes: [] }, table);
  assert.deepEqual(t.entities.map((e) => e.type), ["PLACE"]);
  const news = "England beat the deadline for the new budget.";
  const n = resolveArticle({ mentions: mentionsIn(news, [["PLACE", "England"]]), quotes: [] }, news);
  assert.deepEqual(n.entities.map((e) => e.type), ["PLACE"]);
});

test("a club named by its town is a different club in each sport", () => {
  const key = (text: string) =>
    resolveArticle({ mentions: mentionsIn(text, [["ORGANIZATION", "Northampton"], ["ORGANIZATION", "Leicester"], ["ORGANIZATION", "Wigan"]]), quotes: [] }, text).entities.map((e) => e.key);
  assert.deepEqual(key("Soccer league results: Northampton 1 Leicester 0, Wigan 2 Bury 2; the striker scored two goals."), ["northampton (soccer)", "leicester (soccer)", "wigan (soccer)"]);
  assert.deepEqual(key("Rugby union league results: Northampton 46 Leicester 20, Wigan 13 Bath 56; the fly-half and the referee erred."), ["northampton (rugby union)", "leicester (rugby union)", "wigan (rugby union)"]);
  // No sport named: the key stays the town's; nor in a report that is not about sport.
  assert.deepEqual(key("League results: Northampton 1 Leicester 0, Wigan 2 Bury 2; the match and two goals."), ["northampton", "leicester", "wigan"]);
  assert.deepEqual(key("Fans from Northampton, Leicester and Wigan met a striker's agent."), ["northampton", "leicester", "wigan"]);
});

test("a department's name in either order, and the Treasury by its own name, give one key", () => {
  for (const name of ["U.S. Treasury Department", "U.S. Treasury", "the US Department of the Treasury"]) assert.equal(normalizeName("ORGANIZATION", name), "us treasury", name);
  for (const name of ["Treasury", "Treasury Department", "Department of the Treasury"]) assert.equal(normalizeName("ORGANIZATION", name), "treasury", name);
  assert.equal(normalizeName("ORGANIZATION", "Justice Department"), normalizeName("ORGANIZATION", "Department of Justice"));
  assert.equal(normalizeName("ORGANIZATION", "Finance Ministry"), normalizeName("ORGANIZATION", "Ministry of Finance"));
  // A country's ministry is not another's.
  assert.notEqual(normalizeName("ORGANIZATION", "Russian Foreign Ministry"), normalizeName("ORGANIZATION", "Chinese Foreign Ministry"));
});
