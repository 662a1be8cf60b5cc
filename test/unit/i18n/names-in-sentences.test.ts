import { describe, expect, it } from 'vitest';
import { fill, substanceNameForms } from '../../../src/explain/values.js';
import { genericName } from '../../../src/i18n/name.js';
import { checkLines } from '../../helpers/check.js';
import { testKb } from '../../helpers/kb.js';

describe('a generic name inside a sentence', () => {
  it.each([
    ['Magnesium', 'magnesium'],
    ['Vitamin B6 (pyridoxine)', 'vitamin B6 (pyridoxine)'],
    ['Co-trimoxazole', 'co-trimoxazole'],
    ['Sint-janskruid', 'sint-janskruid'],
    ['Bètablokkers', 'bètablokkers'],
    // Capitals that are not the sentence's stay.
    ['L-carnitine', 'L-carnitine'],
    ['ACE inhibitors', 'ACE inhibitors'],
    ['CYP3A4-remmers', 'CYP3A4-remmers'],
    ["NSAID's (ontstekingsremmende pijnstillers)", "NSAID's (ontstekingsremmende pijnstillers)"],
    ['IJzer (via de mond)', 'ijzer (via de mond)'],
    ['IJzersucrose', 'ijzersucrose'],
  ])('%s is written %s', (name, inSentence) => {
    expect(genericName(name)).toEqual({ start: name, inSentence });
  });

  it("takes the knowledge base's own spelling where the rule would be wrong", () => {
    const kb = testKb();
    expect(substanceNameForms(kb, 'st-johns-wort', 'en')).toEqual({ start: "St John's wort", inSentence: "St John's wort" });
    expect(substanceNameForms(kb, 'st-johns-wort', 'nl')).toEqual({ start: 'Sint-janskruid', inSentence: 'sint-janskruid' });
  });

  it('opens a text or a sentence with its capital, and is in lower case elsewhere', () => {
    const a = genericName('Calcium');
    const b = genericName('Levothyroxine');
    expect(fill('{a} binds {b}. Take {b} after {a}! {b}? "{a}" (with {b}). “{a}”', { a, b })).toBe(
      'Calcium binds levothyroxine. Take levothyroxine after calcium! Levothyroxine? "Calcium" (with levothyroxine). “Calcium”',
    );
  });
});

describe('names in the texts of a report', () => {
  it('tells the partner of an interaction to keep taking it in lower case, in English and Dutch', () => {
    const en = checkLines(['Warfarin 5 mg daily', 'Vitamin E 400 IU daily'], { lang: 'en' });
    expect(en.items[0]?.findings.find((f) => f.code === 'interaction.keep-taking')?.title).toMatch(/^Keep taking warfarin;/);
    const nl = checkLines(['Acenocoumarol 1 mg volgens schema', 'Vitamine E 400 IE 1dd1'], { lang: 'nl' });
    const keep = nl.items[0]?.findings.find((f) => f.code === 'interaction.keep-taking');
    expect(keep?.title).toMatch(/^Blijf acenocoumarol innemen;/);
    expect(keep?.explanation).toMatch(/^Acenocoumarol heeft een wisselwerking met vitamine E\./);
  });

  it("fills an interaction's names by their place in the sentence, with the knowledge base's own spellings", () => {
    const en = checkLines(['Levothyroxine 100 micrograms daily', 'Ferrous fumarate 200 mg daily'], { lang: 'en' });
    const iron = en.interactions.find((x) => x.items.includes(0) && x.items.includes(1));
    expect(iron?.explanation).toMatch(/^Iron \(oral\) binds levothyroxine in the gut/);
    const nl = checkLines(['Levothyroxine 100 microgram 1dd1', 'Ferrofumaraat 200 mg 1dd1'], { lang: 'nl' });
    const ijzer = nl.interactions.find((x) => x.items.includes(0) && x.items.includes(1));
    expect(ijzer?.explanation).toMatch(/^IJzer \(via de mond\) bindt levothyroxine/);
    expect(ijzer?.advice).toMatch(/^Neem levothyroxine minstens/);
    const advice = (lang: 'en' | 'nl') => checkLines(['Sint-janskruid 300 mg 3dd1'], { lang }).items[0]?.findings.find((f) => f.code === 'kb.interactions-only')?.advice;
    expect(advice('en')).toContain("the dose and use of St John's wort in dialysis");
    expect(advice('nl')).toContain('het gebruik van sint-janskruid bij dialyse');
  });
});
