/**
 * `npx tsx bench/search-adversarial.ts [--top N]`: searches for the lines that are slowest to
 * check, to pin in bench/adversarial.ts. Not part of `npm run bench` (it takes about a minute).
 * With `--pinned` it times the lines pinned there instead.
 *
 * Every candidate is a line of at most 500 characters (the API's limit), most of them a pattern
 * repeated to the full length: numbers and units, fractions, dose grids, "max", frequency and
 * route words, Unicode digits, punctuation, misspelt names (each one searched for a "did you
 * mean"), and many substance names on one line (14 interaction partners: every pair is an
 * interaction to find and explain). A candidate is timed as runCheck + presentJson, as the API
 * runs it, alone; five generations of mutants of the slowest (and of the slowest of each kind)
 * follow; then the three slowest of each kind are timed as ten copies in one list, so that what
 * grows across lines (interactions, totals, references) counts too. The ranking is the time per
 * line in the ten-line list, in CPU milliseconds (seeded, so the same candidates each time).
 */
import { parseArgs } from 'node:util';
import { presentJson } from '../src/api/present-json.js';
import { runCheck } from '../src/run-check.js';
import { testKb } from '../test/helpers/kb.js';
import { ADVERSARIAL, fill } from './adversarial.js';
import { PATIENT } from './lists.js';

const { values } = parseArgs({ options: { top: { type: 'string', default: '20' }, pinned: { type: 'boolean', default: false } } });
const TOP = Number(values.top);
const kb = testKb();

interface Candidate {
  kind: string;
  /** The line as a TypeScript expression, to paste into adversarial.ts. */
  recipe: string;
  line: string;
}

const candidates: Candidate[] = [];
const seen = new Set<string>();
const add = (kind: string, unit: string, length = 500) => {
  const line = fill(unit, length);
  if (line.trim() === '' || seen.has(line)) return;
  seen.add(line);
  candidates.push({ kind, recipe: length === 500 ? `fill(${JSON.stringify(unit)})` : `fill(${JSON.stringify(unit)}, ${length})`, line });
};

// Seeded, so the same candidates come out each time.
let seed = 20261114;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

// Names, from the substances that take part in the most interactions down.
const partners = new Map<string, number>();
for (const x of kb.interactions) {
  for (const party of x.between) {
    const members = 'substance' in party ? [party.substance] : (kb.classMembers.get(party.class) ?? []);
    for (const m of members) partners.set(m, (partners.get(m) ?? 0) + 1);
  }
}
const byInteractions = [...kb.substances.values()].sort((a, b) => (partners.get(b.id) ?? 0) - (partners.get(a.id) ?? 0));
const en = byInteractions.map((s) => s.name.en);
const nl = byInteractions.map((s) => s.name.nl);
const products = [...kb.products.values()].map((p) => p.name.en);

// Numbers, units and doses.
for (const unit of ['250 mg ', '1 g ', '0,25 mg ', '1.000.000,5 mg ', '2 x ', '3 x 2 ', '1 ', '1,', '1.', '10 ', '2dd2 ', '3dd1 ', '1dd1 a.n. ', '250mg', 'mg ', 'mg/kg ', '5 ml ', '2 blikjes (330 ml) ', '400 IE ', '1-2 ', '1-2 tabletten ', '½ tablet ', 'twee tabletten ', '2 tabletten bij het avondeten en 1 voor het slapen ', '10 mg/5 ml ', '100 mg/ml '])
  add('numbers and units', unit);
for (const unit of ['½', '½ ', '1½ ', '¼¾⅓', '⅛ ', '½-', '½/'] ) add('fractions', unit);
for (const unit of ['1-2-', '1-0-1-', '2-2-2 ', '1-', '0-', '1–', '1-2-1-2 ', '6-8-6 E '] ) add('dose grids', unit);
for (const unit of ['max ', 'max 3 per dag ', 'max 1x ', 'maximaal 2 ', 'max max ', 'z.n. max 3 per dag ', 'up to 4 times a day ', 'max 3dd2 '] ) add('max', unit);
for (const unit of ['zo nodig ', 'a.n. ', 'per dag ', 'every other day ', 'ma/wo/vr ', 'na elke dialyse ', 'op niet-dialysedagen ', 'except Sundays ', 'every 2 weeks ', 'bid ', 'qhs ', 'twice weekly ', '3x per week ', 'iv ', 'oraal ', 'sc ', 'bij de maaltijd ', 'voor het slapen ', "'s avonds ", 'ON PRN ', 'q6h PRN ', 'TIW with dialysis ', 'x 10 doses '])
  add('frequency and route words', unit);
for (const unit of ['٢٥٠ mg ', '２５０ｍｇ ', '२५० mg ', '²³ ', '௫ ', '𝟐𝟓𝟎 mg ', '٢', '２'] ) add('unicode digits', unit);
for (const unit of ['.', ',', ';', ':', '/', '-', '(', ')', '[', '+', '*', "'", '"', '.,;:/-()', '- ', '(((', ')(', '/ /', '&', '%', '#'] ) add('punctuation', unit);
for (const unit of ['😀', 'a\u0301', 'ß', 'İ', '\u200b', ' \t', 'ﬁ'] ) add('other characters', unit);

// Misspelt and unknown names: each is searched for a "did you mean".
const misspell = (name: string) => name.slice(0, 2) + name.slice(3) + name.slice(2, 3);
for (const n of [4, 8, 16, 40]) add('misspelt names', en.slice(0, n).map(misspell).join(' ') + ' ');
add('misspelt names', 'Kinnine ');
add('misspelt names', 'Magnesuim citraat ');
add('misspelt names', 'Onbekendmiddel ');
add('misspelt names', 'x'.repeat(500));
add('misspelt names', 'abcdefghijklmnopqrstuvwxyz');
add('misspelt names', 'qwrtpsdfghjklzxcvbnm ');
for (let i = 0; i < 20; i++) {
  const word = () => Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
  add('misspelt names', Array.from({ length: 60 }, word).join(' ') + ' ');
}
for (let i = 0; i < 10; i++) add('misspelt names', Array.from({ length: 40 }, () => misspell(pick(en))).join(' ') + ' ');

// Many names on one line, with and without doses: interactions between every pair.
for (const sep of [' ', ', ', ' + ', ' en ', ' and ', ' met ', '/', ' 250 mg ', ' 1dd1 ']) {
  add('many names', en.slice(0, 14).join(sep) + sep);
  add('many names', nl.slice(0, 14).join(sep) + sep);
}
for (const n of [5, 14, 30, 60]) add('many names', en.slice(0, n).join(' ') + ' ');
add('many names', products.slice(0, 30).join(' ') + ' ');
for (let i = 0; i < 15; i++) add('many names', Array.from({ length: 14 }, () => pick(en)).join(' ') + ' ');
for (let i = 0; i < 15; i++) add('many names', Array.from({ length: 10 }, () => `${pick(nl)} ${pick(['250 mg', '1 g', '2dd1', 'a.n.', '½ tablet', 'max 3 per dag'])}`).join(' ') + ' ');

// Names with doses and frequencies, as the old bench's longest line.
add('name, dose, frequency', 'Kinnine zo nodig 1-2 tabletten van 250 mg ');
add('name, dose, frequency', 'Kinine 250 mg 1dd a.n. ');
add('name, dose, frequency', 'Magnesiumcitraat 400 mg 1x per dag ');
add('name, dose, frequency', 'Vitamine E 400 IE om de dag ');
add('name, dose, frequency', 'Levocarnitine 1 g IV na elke dialyse ');
add('name, dose, frequency', 'Tonic 500 ml per dag ');
add('name, dose, frequency', 'Paracetamol 500 mg zo nodig max 3dd2 ');
add('name, dose, frequency', 'Novorapid 6-8-6 E bij de maaltijden ');

// Names run together, or joined by what is not a word boundary, so a name keeps growing into the next.
for (const sep of ['', '-', '/', '.', '_']) {
  add('names run together', en.slice(0, 30).join(sep) + sep);
  add('names run together', nl.slice(0, 30).join(sep) + sep);
  add('names run together', en.slice(0, 30).map(misspell).join(sep) + sep);
}
for (const name of en.slice(0, 10)) add('names run together', name);
for (const stem of ['Hydro', 'Magnesium', 'Vitamine', 'Calcium', 'Kin', 'Na', 'Ca', 'a', 'e']) add('names run together', stem);

// Names in a run of fractions or digits.
for (const run of ['½', '¼', '1', '½ ', '2x']) {
  for (const n of [10, 40, 100]) {
    add('names among fractions', run.repeat(n) + en[0]);
    add('names among fractions', run.repeat(n) + nl[1] + run.repeat(n) + en[2]);
  }
  add('names among fractions', en.slice(0, 14).join(run));
}

// Random mixes of all the above.
const pieces = ['250', 'mg', '½', '1-2', 'max', 'zo nodig', 'a.n.', '3dd2', 'per', 'dag', 'x', '/', '(', ')', ',', 'tablet', 'IE', 'iv', 'na', 'dialyse', ...en.slice(0, 20), ...nl.slice(0, 20)];
for (let i = 0; i < 40; i++) add('random mix', Array.from({ length: 120 }, () => pick(pieces)).join(pick([' ', '', ' ', ', '])) + ' ');

// Random mixes of the whole vocabulary, glued or spaced: product names with their strengths and
// brackets, misspellings, doses, frequency, session and joining words, times and dates. A session
// word after a joining word makes the line be read in parts as well as whole (splitRegimen).
const vocabulary: (() => string)[] = [
  () => pick(en), () => pick(nl), () => pick(products), () => misspell(pick([...en, ...nl])),
  () => pick(['1', '2', '10', '0,5', '1.5', '½', '¾', '1/2', '2/3', '1-0-1', '1-1-1-1', '3dd2', '2dd1', '1x', '3x', '1000', '25.000', '٣', '１', '1e5', '-1', '99999999999']),
  () => pick(['mg', 'µg', 'mcg', 'microgram', 'g', 'IE', 'IU', 'E', 'units', 'ml', 'mmol', '%', 'mg/ml', 'mg/dag', 'tabl', 'caps', 'co', 'zakje', 'druppels']),
  () => pick(['daily', 'OD', 'BD', 'TDS', 'PRN', 'ON', 'a.n.', 'zo nodig', 'max', 'daags', 'na dialyse', 'after dialysis', 'na elke dialyse', 'op dialysedagen', 'sessie', 'voor de nacht', 'om de 2 dagen', 'oogdruppels', 'zalf', 'sc', 'iv', 'sinds 2019', 'om 21 uur', '20:00', 'gestart', 'niet meer', 'voorgeschreven', 'tegen kramp']),
  () => pick(['+', 'en', 'and', '&', ',', ';', '(', ')', '"', '/', ':', '…', '\u200b', '😀']),
];
for (let i = 0; i < 300; i++) {
  const weights = vocabulary.map(() => (random() < 0.4 ? 0 : random()));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let line = '';
  while ([...line].length < 500) {
    let r = random() * sum;
    let k = 0;
    while (k < weights.length - 1 && r > (weights[k] ?? 0)) r -= weights[k++] ?? 0;
    line += (random() < 0.15 ? '' : ' ') + (vocabulary[k] ?? (() => ''))();
  }
  add('vocabulary mix', line);
}

// CPU time, not the clock: other processes on a shared machine would reorder the ranking.
const runOnce = (lines: readonly string[]) => {
  const t = process.cpuUsage();
  presentJson(runCheck(lines, PATIENT, kb, 'en'), 'http://127.0.0.1:3000');
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1000;
};
const best = (lines: readonly string[], n: number) => Math.min(...Array.from({ length: n }, () => runOnce(lines)));

if (values.pinned) {
  for (let i = 0; i < 20; i++) runOnce([pick(candidates).line]);
  for (const { kind, line } of ADVERSARIAL) {
    const alone = best([line], 5);
    const inTen = best(Array.from({ length: 10 }, () => line), 3) / 10;
    console.log(`${alone.toFixed(1).padStart(6)} ms alone ${inTen.toFixed(1).padStart(6)} ms a line in ten  ${kind} (${[...line].length} characters)`);
  }
  process.exit(0);
}

for (let i = 0; i < 20; i++) runOnce([pick(candidates).line]);
process.stderr.write(`${candidates.length} candidates\n`);
const alone = candidates.map((c) => ({ ...c, alone: best([c.line], 3) })).sort((a, b) => b.alone - a.alone);

// Then a few generations of mutants of the slowest: pieces inserted, cut out, or two lines spliced.
const mutate = (c: Candidate): Candidate => {
  const points = [...c.line];
  const at = Math.floor(random() * points.length);
  const roll = random();
  let line: string;
  if (roll < 0.4) line = [...points.slice(0, at), ...pick(pieces), ...points.slice(at)].join('');
  else if (roll < 0.7) line = [...points.slice(0, at), ...points.slice(at + 1 + Math.floor(random() * 20))].join('');
  else {
    const other = [...pick(alone.slice(0, 10)).line];
    line = [...points.slice(0, at), ...other.slice(at)].join('');
  }
  line = fill(line, 500);
  return { kind: `${c.kind}, mutated`, recipe: JSON.stringify(line), line };
};
const family = (c: Candidate) => c.kind.replace(/(, mutated)+$/, '');
// The slowest ten, and the slowest of each kind, so that no one way of being slow takes over.
const parents = () => {
  const firsts = new Map<string, (typeof alone)[number]>();
  for (const c of alone) if (!firsts.has(family(c))) firsts.set(family(c), c);
  return [...new Set([...alone.slice(0, 10), ...firsts.values()])];
};
let pool = parents();
for (let generation = 0; generation < 5; generation++) {
  const mutants = pool.flatMap((c) => Array.from({ length: 5 }, () => mutate(c))).filter((m) => !seen.has(m.line) && seen.add(m.line));
  const timed = mutants.map((m) => ({ ...m, alone: best([m.line], 3) }));
  alone.push(...timed);
  alone.sort((a, b) => b.alone - a.alone);
  pool = parents();
  process.stderr.write(`generation ${generation + 1}: slowest alone ${pool[0]?.alone.toFixed(1)} ms\n`);
}
// At most three of one kind, so the corpus holds every way of being slow that was found.
const perFamily = new Map<string, number>();
const shortlist = alone.filter((c) => {
  const n = (perFamily.get(family(c)) ?? 0) + 1;
  perFamily.set(family(c), n);
  return n <= 3;
});
const pinned = shortlist
  .map((c) => ({ ...c, perLineInTen: best(Array.from({ length: 10 }, () => c.line), 3) / 10 }))
  .sort((a, b) => b.perLineInTen - a.perLineInTen);
process.stderr.write(`${alone.length} lines timed; median alone ${alone[Math.floor(alone.length / 2)]?.alone.toFixed(1)} ms\n`);
// In the shape of ADVERSARIAL, to paste there (and give each a kind that says what it is).
for (const c of pinned.slice(0, TOP)) {
  console.log(`  { kind: ${JSON.stringify(c.kind)}, line: ${c.recipe}, found: { alone: ${c.alone.toFixed(1)}, inTen: ${c.perLineInTen.toFixed(1)} } },`);
}
