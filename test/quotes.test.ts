// Direct quotes and their speakers: each quote shape and attribution pattern the quote
// finder handles, on short sentences written for these tests (and phrases of the seed
// article seeds/000_*.txt).

import { test } from "node:test";
import assert from "node:assert/strict";
import { createExtractor, extract } from "../src/analysis/index.ts";
import { findMentions } from "../src/analysis/mentions.ts";
import { impliedNameMentions, retypePeople } from "../src/analysis/ner-mentions.ts";
import { givenNameGender } from "../src/lexicon/names.ts";
import { resolveArticle } from "../src/resolve/index.ts";
import type { Mention, QuoteSpan } from "../src/domain/extraction.ts";
import { buildContext } from "../src/analysis/quotes/context.ts";
import { tokenize } from "../src/analysis/tokenize.ts";
import { cueAt } from "../src/analysis/quotes/cues.ts";

interface Seen {
  text: string;
  cue: string | null;
  /** The speaker words as written. */
  speaker: string | null;
  /** The mention they stand for. */
  mention: string | null;
}

/** Extracts `text` and checks every quote's offsets before returning a compact view. */
function quotes(text: string): Seen[] {
  const ex = extract(text);
  for (const q of ex.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text, "quote offsets");
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text, "speaker offsets");
    if (q.speaker?.mention) {
      const m = q.speaker.mention;
      assert.equal(text.slice(m.start, m.end), m.text, "mention offsets");
      assert.ok(ex.mentions.includes(m), "the speaker mention is one of the extraction's mentions");
    }
  }
  return ex.quotes.map((q: QuoteSpan) => ({
    text: q.text,
    cue: q.cue,
    speaker: q.speaker?.text ?? null,
    mention: q.speaker?.mention?.text ?? null,
  }));
}

test("curly quotes with the cue after: `“...,” Kerry said`", () => {
  const text = "Secretary of State John Kerry arrived in Geneva on Friday.\n\n“We are not giving up on a ceasefire,” Kerry said.";
  const [q] = quotes(text);
  assert.deepEqual(q, { text: "We are not giving up on a ceasefire,", cue: "said", speaker: "Kerry", mention: "Kerry" });
  assert.equal(extract(text).quotes[0]?.start, text.indexOf("We are not"));
});

test("straight quotes with an inverted cue and an appositive: `\"...,\" said Sergei Lavrov, ...`", () => {
  const text = "The talks resumed on Monday.\n\n\"Nobody wants another winter of war,\" said Sergei Lavrov, Russia's foreign minister.";
  assert.deepEqual(quotes(text), [
    { text: "Nobody wants another winter of war,", cue: "said", speaker: "Sergei Lavrov", mention: "Sergei Lavrov" },
  ]);
});

test("cue before the quote: `Kerry said: “...”` and `According to the Post, “...”`", () => {
  assert.deepEqual(quotes("Kerry said: “There is no military solution to this conflict.”"), [
    { text: "There is no military solution to this conflict.", cue: "said", speaker: "Kerry", mention: "Kerry" },
  ]);
  assert.deepEqual(quotes("According to the Washington Post, “the talks will go on for weeks.”"), [
    { text: "the talks will go on for weeks.", cue: "According to", speaker: "Washington Post", mention: "Washington Post" },
  ]);
  assert.deepEqual(quotes("“The talks will go on for weeks,” according to the Washington Post."), [
    { text: "The talks will go on for weeks,", cue: "according to", speaker: "Washington Post", mention: "Washington Post" },
  ]);
});

test("a mismatched pair (`\"...”`) as a partial quote inside reported speech (seed phrase)", () => {
  const text =
    "During a March interview, Donald Trump said that the US’s \"approach of fighting Assad and ISIS simultaneously was madness, and idiocy.”";
  assert.deepEqual(quotes(text), [
    {
      text: "approach of fighting Assad and ISIS simultaneously was madness, and idiocy.",
      cue: "said",
      speaker: "Donald Trump",
      mention: "Donald Trump",
    },
  ]);
});

test("typewriter quotes (`''...''`) are quotation marks too", () => {
  const text = "''We will keep talking,'' Mr. Kerry said in Geneva.";
  assert.deepEqual(quotes(text), [{ text: "We will keep talking,", cue: "said", speaker: "Kerry", mention: "Kerry" }]);
});

test("single quotes nested inside stay part of the quote", () => {
  const text =
    "Angela Merkel spoke after the summit.\n\n“My father told me, ‘Never trust a quick peace,’ and I still believe him,” she said.";
  assert.deepEqual(quotes(text), [
    {
      text: "My father told me, ‘Never trust a quick peace,’ and I still believe him,",
      cue: "said",
      speaker: "she",
      mention: "Angela Merkel",
    },
  ]);
});

test("a quote interrupted by its attribution: both parts are the speaker's", () => {
  const text = "Yury Ushakov spoke to reporters in Moscow.\n\n“We will patiently wait for that team,” he said, “and then we will talk.”";
  assert.deepEqual(quotes(text), [
    { text: "We will patiently wait for that team,", cue: "said", speaker: "he", mention: "Yury Ushakov" },
    { text: "and then we will talk.", cue: "said", speaker: "he", mention: "Yury Ushakov" },
  ]);
});

test("a quote running over several paragraphs takes the attribution of its last part", () => {
  const text =
    "Yury Ushakov described the talks at length.\n\n“The first meeting went well. The second was harder.\n\n“By the third meeting we had a text,” he said.";
  const qs = quotes(text);
  assert.deepEqual(
    qs.map((q) => [q.text, q.mention]),
    [
      ["The first meeting went well. The second was harder.", "Yury Ushakov"],
      ["By the third meeting we had a text,", "Yury Ushakov"],
    ],
  );
});

test("consecutive quote paragraphs keep their speaker", () => {
  const text =
    "Yury Ushakov, a Kremlin aide, spoke on Friday.\n\n“There have never been so many phone calls,” Ushakov said.\n\n“Kerry calls almost every day. We listen.”";
  assert.deepEqual(
    quotes(text).map((q) => [q.text, q.speaker, q.mention]),
    [
      ["There have never been so many phone calls,", "Ushakov", "Ushakov"],
      ["Kerry calls almost every day. We listen.", "Ushakov", "Ushakov"],
    ],
  );
});

test("`“A,” Kerry said. “B.”`: a following quote sentence continues the speaker", () => {
  const text = "“We are close,” Kerry said on Friday. “But nothing is agreed until everything is agreed.”";
  assert.deepEqual(
    quotes(text).map((q) => [q.text, q.mention]),
    [
      ["We are close,", "Kerry"],
      ["But nothing is agreed until everything is agreed.", "Kerry"],
    ],
  );
});

test("scare quotes and titles are not quotes", () => {
  assert.deepEqual(quotes("Fighting between the army and “terrorists” continued in the east on Friday."), []);
  assert.deepEqual(quotes("Kerry wants to split the so-called “moderate opposition” from the rest."), []);
  assert.deepEqual(quotes("Kerry told NBC’s “Meet the Press” that talks would go on."), []);
  // ... but a long quote without attribution is still a quote (seed phrase).
  assert.equal(
    quotes("The deal “abandons the Syrian opposition and places the United States squarely on the side of Assad.”").length,
    1,
  );
});

test("a partial quote with a cue is the speaker's even when short", () => {
  const text = "Trump, who called the plan “a total disaster,” insisted on Monday that talks were over.";
  assert.deepEqual(quotes(text), [{ text: "a total disaster,", cue: "called", speaker: "Trump", mention: "Trump" }]);
});

test("pronouns resolve by gender: given names and honorifics", () => {
  const text =
    "Angela Merkel met Sergei Lavrov in Berlin.\n\n“Europe will not look away,” she said.\n\n“Russia will not be lectured,” he told journalists.";
  assert.deepEqual(
    quotes(text).map((q) => [q.speaker, q.cue, q.mention]),
    [
      ["she", "said", "Angela Merkel"],
      ["he", "told", "Sergei Lavrov"],
    ],
  );
  const honorifics = "Mr. Kerry and Mrs. Clinton spoke on Tuesday.\n\n“I am worried,” she said.";
  assert.equal(quotes(honorifics)[0]?.mention, "Clinton");
});

test("a pronoun prefers the person just quoted or reporting over a nearer name", () => {
  const text =
    "Yury Ushakov confirmed that Kerry had called his counterpart, Sergey Lavrov, many times.\n\n“There have never been so many phone calls,” he told journalists.";
  assert.equal(quotes(text)[0]?.mention, "Yury Ushakov");
});

test("descriptions resolve to the entity the article named so", () => {
  const president =
    "Russian President Vladimir Putin met Kerry in Moscow on Thursday.\n\n“We are ready to work with the new team,” the Russian president said.";
  assert.deepEqual(quotes(president)[0], {
    text: "We are ready to work with the new team,",
    cue: "said",
    speaker: "the Russian president",
    mention: "Vladimir Putin",
  });
  const outlet =
    "The Washington Post reported on the plan last week.\n\n“Officials acknowledge that a deal is hard,” the newspaper wrote.\n\nAccording to the American daily, \"officials met twice in Lima last month\".\n\n“Kerry still has no authority to bring pressure to bear,” Post adds.";
  assert.deepEqual(
    quotes(outlet).map((q) => [q.speaker, q.cue, q.mention]),
    [
      ["the newspaper", "wrote", "Washington Post"],
      ["the American daily", "According to", "Washington Post"],
      ["Post", "adds", "Post"],
    ],
  );
});

test("the speaker of an appositive, not the name inside it", () => {
  const text = "“This is a disaster,” Doug Andres, a spokesman for House Speaker Paul Ryan, said on Friday.";
  assert.deepEqual(quotes(text)[0], { text: "This is a disaster,", cue: "said", speaker: "Doug Andres", mention: "Doug Andres" });
});

test("a question and its answer: `asked`, `replied`", () => {
  const text = "“Will you meet him?” a reporter asked Kerry. “Not this week,” he replied.";
  assert.deepEqual(
    quotes(text).map((q) => [q.text, q.cue, q.speaker, q.mention]),
    [
      ["Will you meet him?", "asked", "a reporter", null],
      ["Not this week,", "replied", "he", "Kerry"],
    ],
  );
});

test("a quote signed with a dash, and a transcript label", () => {
  assert.deepEqual(quotes("“We have to pick one or the other.” ― Donald Trump"), [
    { text: "We have to pick one or the other.", cue: null, speaker: "Donald Trump", mention: "Donald Trump" },
  ]);
  const transcript = "Sergei Lavrov answered questions.\n\n\"LAVROV: We are ready to meet again.\"";
  const [q] = quotes(transcript);
  assert.equal(q?.text, "We are ready to meet again.", "the label is not part of the quote");
  assert.equal(q?.speaker, "LAVROV");
  assert.equal(q?.mention, "Sergei Lavrov");
});

test("resolution: speakerName stays as written, the speaker is the resolved entity", () => {
  const text =
    "Russian presidential aide Yury Ushakov confirmed the calls.\n\n“There have never been so many phone calls,” he told journalists.\n\n“We will patiently wait for that team,” Ushakov said.";
  const r = resolveArticle(extract(text), text);
  assert.deepEqual(
    r.quotes.map((q) => [q.speakerName, q.cue, q.speaker]),
    [
      ["he", "told", { type: "PERSON", key: "yury ushakov" }],
      ["Ushakov", "said", { type: "PERSON", key: "yury ushakov" }],
    ],
  );
});

test("pronouns: a full name introduced with an appositive, unisex and women's given names, a shared surname", () => {
  const crespo =
    "Barack Obama told voters in Miami that the vote mattered. The turnout worries Henry Crespo, president of the Florida Democratic Black Caucus.\n\n“No one is writing songs for her,” he said.";
  assert.equal(quotes(crespo)[0]?.mention, "Henry Crespo");
  // `Leslie` is no man's name for sure: `she` can be Leslie Caldwell, the last one named.
  const caldwell =
    "Loretta Lynch spoke on Monday. Leslie Caldwell, who leads the criminal division, spoke after her.\n\n“Women still face that glass ceiling,” she said.";
  assert.equal(quotes(caldwell)[0]?.mention, "Leslie Caldwell");
  assert.equal(givenNameGender("Leslie"), null);
  assert.equal(givenNameGender("Ivanka"), "f");
  // `Cruz` is shared by Heidi Cruz and Rafe Cruz: `he` is the one not known to be a woman.
  const cruz = "Heidi Cruz and Rafe Cruz arrived in Houston. Cruz spoke first.\n\n“The day that was abrogated was the day this became personal,” he said.";
  assert.equal(quotes(cruz)[0]?.mention, "Rafe Cruz");
});

test("names the tagger misses: transcript labels in capitals and `Mr. King`", () => {
  const text = "On Sunday the host asked.\n\n\"WALLACE: Let’s start with the debate.\"\n\nUPDATE: The debate is on.\n\nThe case was heard, said Mr. King.";
  const implied = impliedNameMentions(text, []);
  assert.deepEqual(
    implied.map((m) => [m.type, m.text, text.slice(m.start, m.end)]),
    [
      ["PERSON", "WALLACE", "WALLACE"],
      ["PERSON", "Mr. King", "Mr. King"],
    ],
  );
  // Nothing where another mention is.
  const king = text.indexOf("Mr. King");
  assert.deepEqual(impliedNameMentions(text, [{ type: "PERSON", text: "King", start: king + 4, end: king + 8 }]).map((m) => m.text), ["WALLACE"]);
  // With the label a mention, the transcript quote has a speaker entity.
  const withLabels = createExtractor({ findMentions: (t, tokens) => [...findMentions(t, tokens), ...impliedNameMentions(t, findMentions(t, tokens))].sort((a, b) => a.start - b.start) });
  const ex = withLabels(text);
  const q = ex.quotes.find((x) => x.text.startsWith("Let"));
  assert.equal(q?.speaker?.text, "WALLACE");
  assert.equal(q?.speaker?.mention?.text, "WALLACE");
});

test("a quotation that starts inside a sentence keeps the cue before it over the next sentence", () => {
  const text =
    "Japan condemned the launch. Russia insisted that Pyongyang \"stop its dangerous escapades.\" The International Atomic Energy Agency said it was worried.";
  assert.deepEqual(quotes(text), [{ text: "stop its dangerous escapades.", cue: "insisted", speaker: "Russia", mention: "Russia" }]);
});

test("more reporting verbs: `answered`, `groused`", () => {
  const answered = quotes("Reporters asked about the wall.\n\n“I would say this,” Trump answered. “We will work out some system that is fair.”");
  assert.deepEqual(
    answered.map((q) => [q.cue, q.mention]),
    [
      ["answered", "Trump"],
      ["answered", "Trump"],
    ],
  );
  const groused = quotes("Paul Ryan groused that the safety net was becoming “a hammock that lulls people to lives of dependency.”");
  assert.deepEqual(groused.map((q) => [q.cue, q.mention]), [["groused", "Paul Ryan"]]);
});

test("people the tagger typed otherwise: a title before a name, a brand that is also a person", () => {
  const mentions = retypePeople([
    { type: "PLACE", text: "Senator Cruz", start: 0, end: 12 },
    { type: "ORGANIZATION", text: "Ivanka Trump", start: 20, end: 32 },
    { type: "PERSON", text: "Ivanka Trump", start: 40, end: 52 },
    { type: "ORGANIZATION", text: "Goldman Sachs", start: 60, end: 73 },
  ]);
  assert.deepEqual(
    mentions.map((m) => [m.text, m.type]),
    [
      ["Senator Cruz", "PERSON"],
      ["Ivanka Trump", "PERSON"],
      ["Ivanka Trump", "PERSON"],
      ["Goldman Sachs", "ORGANIZATION"],
    ],
  );
});

test("a candidate’s campaign speaks for the candidate", () => {
  assert.equal(quotes("Kelly Ayotte spoke on Monday. Kelly Ayotte’s campaign said the ad was “a desperate attack.”")[0]?.mention, "Kelly Ayotte");
  assert.equal(quotes("Donald Trump spoke on Monday. “We will win,” the Trump campaign said.")[0]?.mention, "Trump");
});

test("a description with a party is not someone described with the other party", () => {
  const clintonOnly =
    "Democratic front-runner Hillary Clinton spoke in Ohio.\n\nAppearing on CBS, the GOP front-runner said Clinton “caused tremendous death.”";
  assert.notEqual(quotes(clintonOnly)[0]?.mention, "Hillary Clinton");
  const both =
    "Republican front-runner Donald Trump spoke in Iowa. Democratic front-runner Hillary Clinton spoke in Ohio.\n\nAppearing on CBS, the GOP front-runner said Clinton “caused tremendous death.”";
  assert.equal(quotes(both)[0]?.mention, "Donald Trump");
});

test("`According to Ham,` makes Ham the salient source for a later `he said`", () => {
  const text =
    "Norman Ham served for decades. Barack Obama told the generals that the budget was fine.\n\nAccording to Ham, many of them disagreed with Obama’s policies. “We’re on our fourth secretary of defense,” he said.";
  assert.equal(quotes(text)[0]?.mention, "Ham");
});

test("a given name on its own tells the gender (`Melanie`), not a surname of someone named in full", () => {
  const text = "Kevin slept. Melanie cheered. Elizabeth Warren spoke, and Warren left.";
  const at = (w: string, from = 0): Mention => {
    const start = text.indexOf(w, from);
    return { type: "PERSON", text: w, start, end: start + w.length };
  };
  const mentions = [at("Kevin"), at("Melanie"), at("Elizabeth Warren"), at("Warren", text.indexOf("and"))];
  const ctx = buildContext(text, tokenize(text), mentions);
  assert.deepEqual(
    mentions.map((m) => ctx.gender.get(m) ?? null),
    ["m", "f", "f", "f"],
  );
});

test("a `he` of the narrative keeps the person it stands for salient (`he said Dalton`)", () => {
  const text =
    "Governor Tom Wexler met Senator Paul Dalton on Monday.\n\nWexler eased his tone. Asked who leads the party, he said Dalton. “I would say Paul for the time being,” he said.";
  assert.ok(["Tom Wexler", "Wexler"].includes(quotes(text)[0]?.mention ?? ""), "`he` is Wexler, not Dalton");
});

test("the subject of a noun phrase: a name that only qualifies a title, and a subject past its appositive", () => {
  const adviser =
    "Governor Dan Hollis spoke on Monday.\n\nHollis adviser Mark Pettit, a veteran pollster, picked up the thread. “Voters want change,” he said.";
  assert.equal(quotes(adviser)[0]?.mention, "Mark Pettit");
  const operative =
    "Governor Dan Hollis called the suspension arbitrary. Mark Pettit, a top Democratic tech operative, warned on Saturday that the move against Hollis could hurt the party.\n\n“The stakes are higher than the fight of the day,” he wrote.";
  assert.equal(quotes(operative)[0]?.mention, "Mark Pettit");
});

test("a surname the tagger typed as an organization, or spelt one letter off, is the person named in full", () => {
  const text = "Former ambassador John Belton spoke on the radio.\n\n“We must act,” said Belton.\n\n“The threat is real,” he continued.";
  const at = (w: string, from = 0): Mention => {
    const start = text.indexOf(w, from);
    return { type: w === "John Belton" ? "PERSON" : "ORGANIZATION", text: w, start, end: start + w.length };
  };
  const mentions = [at("John Belton"), at("Belton", text.indexOf("said"))];
  const ex = createExtractor({ findMentions: () => mentions })(text);
  assert.deepEqual(
    ex.quotes.map((q) => [q.speaker?.text, q.speaker?.mention?.text]),
    [
      ["Belton", "John Belton"],
      ["he", "John Belton"],
    ],
  );
  const typo = "Leslie Wimes leads a caucus in Florida. Wines believes the campaign took voters for granted.\n\n“They have a big problem,” she said.";
  assert.equal(quotes(typo)[0]?.mention, "Leslie Wimes");
});

test("a courtesy title in the mention joins the full name (`Mr. Lew`), and a verb ends a person's description", () => {
  const text =
    "Treasury Secretary Jacob Lew spoke about Jim Kim, the bank's president.\n\n“He has done well,” Mr. Lew said.\n\nThe Treasury secretary also lauded Mr. Kim for the “needed reforms at the bank.”";
  const seen = quotes(text);
  assert.ok(["Jacob Lew", "Mr. Lew", "Lew"].includes(seen[1]?.mention ?? ""), `got ${seen[1]?.mention}`);
});

test("a definite description of a candidate nobody was described as is the salient person", () => {
  const text =
    "Hillary Clinton has a word for Donald Trump's plan to deport people: No.\n\nThe Democratic presidential candidate blasted the plan on Wednesday, calling it “absurd and cruel.”";
  assert.equal(quotes(text)[0]?.mention, "Hillary Clinton");
});

test("more attribution shapes: any verb inverted after a comma, a signature paragraph, `added to People`", () => {
  assert.deepEqual(quotes("“It was a mistake from the start,” remembered Roy Verley, a former spokesman.")[0]?.speaker, "Roy Verley");
  const signed = "The senator spoke at length.\n\n\"We will not give up on working families.\"\n\n- Bernie Sanders.";
  assert.deepEqual(quotes(signed).map((q) => [q.speaker, q.mention]), [["Bernie Sanders", "Bernie Sanders"]]);
  const people = "“It was a very big night for us,” Trump added to People. “That makes me feel good.”";
  assert.deepEqual(
    quotes(people).map((q) => [q.speaker, q.cue]),
    [
      ["Trump", "added"],
      ["Trump", "added"],
    ],
  );
  const titles = "“He is reprising that role,” said former Ohio Gov. and Party Chairman Tom Baxter.";
  assert.equal(quotes(titles)[0]?.speaker, "Tom Baxter");
});

test("who a participle, a colon or a conjoined verb belongs to", () => {
  const adding = "Governor Hollis and Senator Dalton will meet next week, Dana Pruitt said, adding, “They need to sit down and talk.”";
  assert.equal(quotes(adding)[0]?.speaker, "Dana Pruitt");
  const addressee = "Senate leader Mitch Harlan delivered a blunt message to Donald Trump: “It is time to stop attacking people.”";
  assert.equal(quotes(addressee)[0]?.mention, "Mitch Harlan");
  const byPhrase = "Sarah Kimble was joined on stage by Minnesota Sen. Al Fenton and joked, “You are being ridiculous.”";
  assert.equal(quotes(byPhrase)[0]?.mention, "Sarah Kimble");
  const dateline = "(AFP) - Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that “bombastic comments” do harm.";
  assert.equal(quotes(dateline)[0]?.mention, "Hillary Clinton");
  const it = "President Barack Obama, opening the museum on Saturday, said it would tell an American story, one of “suffering and delight, fear and hope.”";
  assert.equal(quotes(it)[0]?.mention, "Barack Obama");
  const putIt = "As John Carver, a tax lawyer, recently put it, “Did he lower his taxes or evade them?”";
  assert.equal(quotes(putIt)[0]?.mention, "John Carver");
});

test("a sentence about the speaker between two of their quotes keeps the speaker", () => {
  const text = "“It is about education,” says Melissa Rowan, 32, of Sodus. Rowan supports Hillary Clinton in the race. “I have student loans and no good job.”";
  assert.deepEqual(
    quotes(text).map((q) => q.mention),
    ["Melissa Rowan", "Melissa Rowan"],
  );
});

test("a shared surname is the person last named in full as a subject", () => {
  const text =
    "Gary Johnson released a letter from his doctor.\n\nHomeland Security Secretary Jeff Johnson says hackers are active. Johnson said officials should be careful. “There is no single point of failure,” he said.";
  assert.equal(quotes(text)[0]?.mention, "Jeff Johnson");
});

test("`with X tweeting that ... and asking, “...”`, and a reply with its own clause after a quote", () => {
  const asking = "Republicans were quick to react, with Donald Trump tweeting that it was a disaster for Clinton and asking, “How can someone like that be president?”";
  assert.equal(quotes(asking)[0]?.mention, "Donald Trump");
  const replied =
    "David Axelrod emailed Hillary Clinton after her fall, telling her, “You are an all-star player and we need you!” She replied to him that it was an honor to serve.";
  assert.equal(quotes(replied)[0]?.mention, "David Axelrod");
});

test("typewriter quotes closing on an inner quotation (`,''' said`) still take the attribution after", () => {
  const text = "''Voters will not be satisfied with 'We will bomb them,''' said Senator Tom Keller of Ohio.";
  assert.deepEqual(quotes(text).map((q) => [q.speaker, q.cue]), [["Tom Keller", "said"]]);
});

test("a cue inside what someone else reports: the quoted words are the reporter's", () => {
  const text = "Donald Trump spoke in Maine on Friday. Trump said that Mitt Romney begged him for an endorsement and \"would have dropped to his knees\" for it.";
  assert.equal(quotes(text)[0]?.mention, "Trump");
  const listener = "Lindsey Graham spoke to the crowd in Dallas. Graham assures his audience he will tell the \"bigots\" to be quiet.";
  assert.deepEqual([quotes(listener)[0]?.speaker, quotes(listener)[0]?.cue], ["Graham", "assures"]);
});

test("a linking word before the subject opens no adverbial phrase (`Then he ..., calling`)", () => {
  const text = "Donald Trump spoke in Manchester on Monday. Then he turned on Jeb Bush, calling him a \"stiff\" and accusing him of acting like a \"spoiled child.\"";
  assert.deepEqual(quotes(text).map((q) => [q.speaker, q.mention]), [["he", "Donald Trump"], ["he", "Donald Trump"]]);
  const andThen = "Voters waited in the rain. And then Donald Trump went on the attack, saying, “The president should resign in disgrace!”";
  assert.equal(quotes(andThen)[0]?.mention, "Donald Trump");
});

test("`Cruz himself said` is Cruz; `the editorial board` speaks for the newspaper", () => {
  const himself = "Ted Cruz campaigned in Iowa on Monday. Cruz himself said the race was \"a dead heat right now.\"";
  assert.equal(quotes(himself)[0]?.mention, "Cruz");
  const board = "The Wall Street Journal ran an editorial on Friday. \"She should be deported,\" the editorial board writes.";
  assert.equal(quotes(board)[0]?.mention, "Wall Street Journal");
});

test("an introducing sentence whose last cue is in a subordinate clause (`if asked.`)", () => {
  const text = "John Bolton spoke to the crowd on Friday, saying he would be willing to serve if asked. “I am going to support him.”";
  assert.equal(quotes(text)[0]?.mention, "John Bolton");
});

test("a participle's own subject past an adverb (`with Trump reportedly yelling`)", () => {
  const text = "Supporters shoved a protester at the rally, with Donald Trump reportedly yelling: “Get him out of here!”";
  assert.equal(quotes(text)[0]?.mention, "Donald Trump");
});

test("a quotation after a comma inside its sentence belongs to that sentence, not the next one", () => {
  const text = "Early in his campaign, Donald Trump attacked Mitt Romney, calling him, among other things, “a failed candidate.” Romney fired back in March.";
  assert.equal(quotes(text)[0]?.mention, "Donald Trump");
});

test("a loose verb inverted after a comma-ended quotation, before a name (`,” agrees Mary Stone`)", () => {
  const text = "“The dream has changed,” says Diana Ruiz, 41, of Tampa. “Our ideas of success are different,” agrees Mary Stone, 30, of Gainesville.";
  assert.deepEqual(quotes(text).map((q) => q.mention), ["Diana Ruiz", "Mary Stone"]);
});

test("subject position: not after an opening preposition (`Of Carson, Levine ... said`) or a title after one", () => {
  const of = "Ben Carson was there too. Of Carson, Sam Levine, who has given money to Marco Rubio, said, “He is flat-out scary.”";
  assert.equal(quotes(of)[0]?.mention, "Sam Levine");
  const by = "Mayor Tom Hale defended the police. Hale said the move was made by NYPD commissioner Bill Bratton and said, “Who are you going to trust on security?”";
  assert.equal(quotes(by)[0]?.mention, "Hale");
});

test("an appositive without its closing comma (`Sam Lau, the director for the Iowa Democratic Party said`)", () => {
  const text = "The party refused a recount. Sam Lau, the communications director for the Iowa Democratic Party said in a statement. “There are no paper ballots to recount.”";
  assert.equal(quotes(text)[0]?.mention, "Sam Lau");
});

test("`the Nice attack`, `her primary challenge`: nouns after a modifier are no reporting verbs", () => {
  const cueOf = (text: string, word: string): string | null => {
    const tokens = tokenize(text);
    const i = tokens.findIndex((t) => t.text === word);
    return cueAt(tokens, i)?.lemma ?? null;
  };
  assert.equal(cueOf("They shared news of the Nice attack and cheered.", "attack"), null);
  assert.equal(cueOf("She was weakened by her primary challenge from Sanders.", "challenge"), null);
  assert.equal(cueOf("Trump attacks Cruz every day.", "attacks"), "attack");
});
