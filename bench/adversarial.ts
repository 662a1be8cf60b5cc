/**
 * Lines that are slow to check, found by bench/search-adversarial.ts and pinned here: the bench
 * builds its worst-case request (100 lines of 500 characters, the most the API accepts) from them.
 *
 * The search timed about 800 lines: patterns repeated to 500 characters (numbers and units,
 * fractions, dose grids, "max", frequency and route words, Unicode digits, punctuation, misspelt
 * names, many names, names run together) and five generations of mutants of the slowest. What it
 * found slowest was a run of fractions next to a name, followed by many interaction partners.
 * On 2026-12-04 it also mixed the whole vocabulary (product names with their strengths and
 * brackets, session and joining words, times and dates); the first five lines below came from
 * that search, after the intake no longer read such lines in parts again and again.
 *
 * The times in `found` are CPU milliseconds for runCheck + presentJson (as the API runs it)
 * on the 2-core development machine on the day found, for the line alone and per line in a list of
 * ten copies, with the machine shared with other work (they vary by half from one timing to the
 * next); they are what the line cost when it was found, not a target. `npx tsx
 * bench/search-adversarial.ts --pinned` times these lines again.
 */

/** `unit` repeated and cut to `length` characters (code points, as the API counts them). */
export function fill(unit: string, length = 500): string {
  const points = [...unit];
  if (points.length === 0) return '';
  const out: string[] = [];
  while (out.length < length) out.push(...points);
  return out.slice(0, length).join('');
}

/** The substances in the most interactions of the knowledge base, most first (English names, then Dutch). */
export const PARTNERS_EN = [
  'Ketoconazole', 'Clarithromycin', 'Itraconazole', 'Quinine', 'Hydroquinine', 'Posaconazole', 'Warfarin', 'Acenocoumarol',
  'Phenprocoumon', 'Ritonavir', 'Cobicistat', 'Voriconazole', 'Ciprofloxacin', 'Citalopram', 'Escitalopram', 'Trazodone',
  'Amitriptyline', 'Nortriptyline', 'Levofloxacin', 'Moxifloxacin', 'Levothyroxine', 'Iron (oral)', 'Doxycycline', 'Apixaban',
  'Rivaroxaban', 'Edoxaban', 'Dabigatran', 'Dronedarone', 'Fluvoxamine', 'Pethidine (meperidine)', 'Tapentadol', 'Tramadol',
] as const;
export const PARTNERS_NL = [
  'Ketoconazol', 'Claritromycine', 'Itraconazol', 'Kinine', 'Hydrokinine', 'Posaconazol', 'Warfarine', 'Acenocoumarol',
  'Fenprocoumon', 'Ritonavir', 'Cobicistat', 'Voriconazol', 'Ciprofloxacine', 'Citalopram', 'Escitalopram', 'Trazodon',
] as const;

const partners = (from: number) => ` ${PARTNERS_EN.slice(from).join(' ')} ${PARTNERS_EN.slice(0, from).join(' ')}`;
const MISSPELT = 'Raitidinen Arpiprazolei Cochicinel Getamicinn Mophiner Pein';

export interface AdversarialLine {
  /** What makes it slow. */
  kind: string;
  line: string;
  /** CPU ms when found: alone, and per line in a list of ten copies. */
  found: { alone: number; inTen: number };
}

export const ADVERSARIAL: readonly AdversarialLine[] = [
  { kind: "amounts, day lists around two names, a misspelt name repeated (2026-12-04)", line: "..g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g 1 g/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr Posaconazolma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr Itraconazolema/wo/vr ma/wo/at Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim", found: { alone: 1.3, inTen: 2.4 } },
  { kind: "fractions, day lists, a misspelt name repeated (2026-12-04)", line: "½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-½-wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/vr ma/wo/v/wo/vr ma/wo/at Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citraat Magnesuim citrma/w", found: { alone: 1.1, inTen: 1.7 } },
  { kind: "product names with strengths and brackets, doses, a joining word (found by the vocabulary search, 2026-12-04)", line: "Calcichew 500 mg chewable tablet Calcichew Forte chewable tablet Calcichew-D3 chewable tablet Calcichew-D3 Forte chewable tablet Kalcipos-D 500 mg/800 IU chewable tablet Phosex 1000 mg tablet Renacet 475 mg tablet Renacet 950 mg tablet Renacet (str1HaloperidolHydrocodone/acetaminophen tablet (Norco, Vicodin; strength not given)1e5 mgDiazepam Hydrocodone/acetaminophen 5/325 mg tablet 1/2 😀 IE 1.5 Losartan 0,5 ;1-0-1 \"Chloorzoxazon 3x enInsuline detemir : units \" Magne B6 tablet ½ Steovit D3 500 m", found: { alone: 0.5, inTen: 1.6 } },
  { kind: "names run together, then product names with brackets and doses (2026-12-04)", line: "Ketoconazole-Clarithromycin-Itraconazole-Warfarin-Acenocoumarol-Phenprocoumon-Quinine-Hydroquinine-Posaconazole-Ritostat-Voriconazole-Ciprofloxacin-Citalopram-Escitalopram-Trazodone-Amitriptyline-Nortriptyline-Levofloxacin-Moxifloxacin-Levothyroxine-Iron (oral)-Doxycycline-Apixet (Norco, Vicodin; strength not given)1e5 mgDiazepam Hydrocodone/acetaminophen 5/325 mg tablet 1/2 😀 IE 1.5 Losartan 0,5 ;1-0-1 \"Chloorzoxazon 3x enInsuline detemir : units \" Magne B6 tablet ½ Steovit D3Voriconazol 500 mK", found: { alone: 0.8, inTen: 1.4 } },
  { kind: "a mix of the vocabulary: products with strengths and brackets, dose grids, fractions (2026-12-04)", line: " OsvaRen IU ​ E Ramipril 1-1-1-1 Co-dydramol 30/5000 mg calcium) Renacet (strength not named) Amiloride TorasemideMilk of magnesia Magne B6 oral solution (ampoule) Chlorzoxazone 3x Pancreatin (pancreatic enzymes) Vitamine B-complex 1/2 Heparin1-0-1 ¾Insuline glulisinePhenytoin2/3Enalapril 10 Valaciclovir ¾ Sandoz-calcium fortissimum effervescent tablet (1000 mg calcium) Bouillon (broth) Co-Diovan 160/25 mg tablet (valsartan/hydrochlorothiazide) Citalopram Clopidogrel 3x Desloratadine Methylnaltr", found: { alone: 1.1, inTen: 1.3 } },
  { kind: 'fractions around a name, then 30 interaction partners', line: fill(`${'½'.repeat(43)}Acenocoumarol${'½'.repeat(103)}${partners(13)}`), found: { alone: 28.4, inTen: 33.9 } },
  { kind: 'names between runs of ¼', line: fill(['Kinine', 'Amitriptyline', 'Claritromycine', 'Citalopram', 'Itraconazole'].map((n) => n + '¼'.repeat(50)).join('')), found: { alone: 20.0, inTen: 17.4 } },
  { kind: 'a dose grid, fractions around a name, interaction partners', line: fill(`1-1-1-1${'½'.repeat(36)}Acenocoumarol${'½'.repeat(103)}${partners(13)}`), found: { alone: 21.6, inTen: 28.2 } },
  { kind: 'punctuation, misspelt names, fractions, interaction partners', line: fill(`${'#'.repeat(9)}n Arpiprazolei Cochicinel Getamicinn Mophiner Pein${'½'.repeat(100)}${partners(13)}`), found: { alone: 20.3, inTen: 17.3 } },
  { kind: 'amounts, fractions around a name, interaction partners', line: fill(`${'1 g '.repeat(6)}${'½'.repeat(20)}Acenocoumarol${'½'.repeat(103)}${partners(13)}`), found: { alone: 18.6, inTen: 20.4 } },
  { kind: 'misspelt names, fractions, interaction partners', line: fill(`${MISSPELT}${'½'.repeat(100)}${partners(13)}`), found: { alone: 16.4, inTen: 17.7 } },
  { kind: 'a zero-width space, misspelt names, fractions, interaction partners', line: fill(`\u200beoconazolet pilei Cochicinel Getamicinn Mophiner Pein${'½'.repeat(100)}${partners(13)}`), found: { alone: 17.6, inTen: 18.5 } },
  { kind: 'nine interaction partners, fractions, the others', line: fill(`${PARTNERS_EN.slice(0, 8).join(' ')} Phen${'½'.repeat(57)}${partners(13)}`), found: { alone: 10.2, inTen: 10.2 } },
  { kind: 'frequency words, fractions, interaction partners', line: fill(`${'q6h PRN '.repeat(13)}q${'½'.repeat(54)}${partners(13)}`), found: { alone: 9.5, inTen: 11.8 } },
  { kind: 'names run together with doses and fractions', line: fill('xCiprofloxacine½iv/1-2QuinineAcenocoumarolClarithromycinAmitriptylineItraconazolePosaconazolemaxItraconazolAcenocoumarol3dd2HydroquinineLevofloxacinNortriptylinetablet'), found: { alone: 3.1, inTen: 2.9 } },
  { kind: 'Dutch names run together', line: fill(`Hydrokininea.n./${PARTNERS_NL.join('')}`), found: { alone: 5.9, inTen: 6.1 } },
  { kind: 'misspelt names, each searched for a "did you mean"', line: fill('Keoconazolet Clrithromycina Itaconazoler Quninei Hyroquinined Poaconazoles Wafarinr Acnocoumarole '), found: { alone: 7.8, inTen: 8.1 } },
  { kind: '14 interaction partners, repeated', line: fill(`${PARTNERS_EN.slice(0, 14).join(' ')} `), found: { alone: 0.9, inTen: 1.1 } },
  { kind: 'fractions', line: fill('¼¾⅓'), found: { alone: 7.4, inTen: 3.3 } },
  { kind: 'fractions', line: fill('½'), found: { alone: 2.8, inTen: 4.1 } },
  { kind: 'frequencies', line: fill('3dd1 '), found: { alone: 2.3, inTen: 3.7 } },
  { kind: 'frequencies', line: fill('2dd2 '), found: { alone: 1.8, inTen: 3.2 } },
  { kind: 'a name, a dose and a frequency, repeated', line: fill('Kinnine zo nodig 1-2 tabletten van 250 mg '), found: { alone: 5.8, inTen: 4.7 } },
  { kind: 'Arabic-Indic digits', line: fill('٢٥٠ mg '), found: { alone: 1.7, inTen: 1.5 } },
  { kind: 'a dose grid', line: fill('1-0-1-'), found: { alone: 1.9, inTen: 1.6 } },
  { kind: 'many "max"', line: fill('z.n. max 3 per dag '), found: { alone: 0.5, inTen: 0.3 } },
  { kind: 'punctuation', line: fill('.,;:/-()'), found: { alone: 0.4, inTen: 0.2 } },
];
