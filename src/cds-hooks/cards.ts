/**
 * CDS Hooks cards from a check: one per finding that concerns a draft order, built from the
 * Assessment (codes, severities, the numbers compared) with the words of the explained Report.
 * Interactions among current medicines alone are not carded; an order that was not checked is.
 */
import { randomUUID } from 'node:crypto';
import { POINTER_CODES, type Assessment, type Finding as Assessed, type FindingSource } from '../engine/assessment.js';
import type { Finding, Report } from '../explain/report.js';
import { describeDose, describeLimit, substanceNameForms } from '../explain/values.js';
import { formatLines } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import { asWritten, type Name } from '../i18n/name.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang, Severity } from '../kb/schema.js';
import { kbPath } from '../kb-links.js';
import { lineLength } from '../list-limits.js';
import { unreadableText } from '../fhir/texts.js';
import { label, type FhirLine } from '../fhir/to-line.js';
import { cardTexts, OVERRIDE_REASON_SYSTEM, OVERRIDE_REASONS, type CardTexts } from './texts.js';

export const SUMMARY_MAX = 140;
export const FINDING_SYSTEM = 'urn:dialysafe:finding';

export type Indicator = 'info' | 'warning' | 'critical';

interface Coding {
  system: string;
  code: string;
  display: string;
}

export interface Suggestion {
  uuid: string;
  label: string;
  isRecommended: boolean;
  actions: { type: 'delete'; description: string; resourceId: string }[];
}

export interface Card {
  uuid: string;
  summary: string;
  detail: string;
  indicator: Indicator;
  source: { label: string; url: string; topic: Coding };
  suggestions?: Suggestion[];
  selectionBehavior?: 'at-most-one';
  overrideReasons?: Coding[];
  links?: { label: string; url: string; type: 'absolute' }[];
}

/** A card and the rule code its feedback is counted under. */
export interface IssuedCard {
  card: Card;
  code: string;
}

export interface CardContext {
  assessment: Assessment;
  report: Report;
  lines: readonly FhirLine[];
  /** The draft orders cards are about (indexes into lines). */
  targets: readonly number[];
  kb: KnowledgeBase;
  lang: Lang;
  /** Where this server is reached, for absolute links into its knowledge base. */
  baseUrl: string;
}

const INDICATOR: Record<Severity, Indicator> = { avoid: 'critical', caution: 'warning', info: 'info' };
const RANK: Record<Indicator, number> = { critical: 0, warning: 1, info: 2 };
/** "Not recognised" is work to do by hand, not a warning about the medicine. */
const NOT_CHECKED = new Set(['input.not-recognised']);

/** Markdown from text a client or the KB wrote: no emphasis, links or HTML it did not mean. */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

/** At most 140 characters, cut at a word and ended with "…". */
export function summaryOf(text: string, max = SUMMARY_MAX): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (lineLength(s) <= max) return s;
  const chars = [...s].slice(0, max - 1).join('');
  const cut = chars.lastIndexOf(' ');
  return `${(cut > max / 2 ? chars.slice(0, cut) : chars).replace(/[\s,;:—–-]+$/, '')}…`;
}

const absolute = (url: string, baseUrl: string) => (url.startsWith('/') ? `${baseUrl}${url}` : url);
const safeUrl = (url: string) => url.replace(/[()\s]/g, (c) => encodeURIComponent(c));

class CardBuilder {
  private readonly t: CardTexts;
  private readonly targets: Set<number>;

  constructor(private readonly x: CardContext) {
    this.t = cardTexts(x.lang);
    this.targets = new Set(x.targets);
  }

  /** The medicine of a line in a few words, as it opens a label: its recognised names, else what was written. */
  nameOf(i: number): string {
    return this.nameFormsOf(i).start;
  }

  /** The same, as it opens a label and as it stands inside a sentence ("Remove the order for ibuprofen"). */
  private nameFormsOf(i: number): Name {
    const forms = (this.x.report.items[i]?.substances ?? []).map((s) => substanceNameForms(this.x.kb, s.id, this.x.lang));
    if (forms.length > 0) return { start: forms.map((f) => f.start).join(' + '), inSentence: forms.map((f) => f.inSentence).join(' + ') };
    const line = this.x.lines[i];
    return asWritten(line?.line ? `“${summaryOf(line.line, 60)}”` : line ? label(line.source) : '');
  }

  private kbUrl(source: FindingSource): string {
    return absolute(kbPath(source), this.x.baseUrl);
  }

  /**
   * The dose the engine compared and the limit: "900 mg gabapentin per day", "300 mg gabapentin
   * per day"; `of` false leaves out what the amounts are of, for a summary that must stay short.
   */
  private compared(f: Assessed, of = true): { dose: string; limit: string } | undefined {
    const v = f.values;
    if (!v.dose || !v.limit) return undefined;
    const m = messages(this.x.lang);
    const substance = of && v.substance ? this.x.kb.substances.get(v.substance) : undefined;
    const per = (basis: string) => (basis === 'daily' || basis === 'maintenance' ? ` ${m.perDay}` : basis === 'session' ? ` ${m.perSessionWord}` : '');
    // A daily limit compared with the dose on a day it is taken is still a limit per day.
    const limitPer = v.limit.basis === 'dosing-day' ? ` ${m.perDay}` : per(v.limit.basis);
    return {
      dose: `${describeDose(v.dose, substance, this.x.lang)}${per(v.dose.basis)}`,
      limit: `${describeLimit(v.limit, substance, this.x.lang)}${limitPer}`,
    };
  }

  /** "Gabapentin 900 mg … (limit …): <title>", else "<name>: <title>", or the title when it names the medicine. */
  private findingSummary(name: string, f: Finding, a: Assessed): string {
    const full = this.compared(a);
    if (full) {
      const long = `${name} ${full.dose} (${this.t.limit} ${full.limit}): ${f.title}`;
      const short = this.compared(a, false);
      return lineLength(long) <= SUMMARY_MAX || !short ? long : `${name} ${short.dose} (${this.t.limit} ${short.limit}): ${f.title}`;
    }
    return f.title.toLowerCase().includes(name.toLowerCase()) ? f.title : `${name}: ${f.title}`;
  }

  private limitLine(a: Assessed): string[] {
    const c = this.compared(a);
    return c ? [`**${this.t.limitLabel}:** ${md(c.limit)} (${this.t.thisOrder}: ${md(c.dose)})`] : [];
  }

  private lineSummary(i: number): string {
    const line = this.x.lines[i];
    const item = this.x.report.items[i];
    if (!line || !item) return '';
    const read = line.read === 'structured' ? this.t.readStructured : this.t.readText;
    const dose = item.dailyDose.length > 0 ? item.dailyDose.map((d) => d.text).join('; ') : this.t.doseNotWorkedOut;
    const parts = [`**${this.t.order}:** ${md(line.line ?? label(line.source))} (${read})`, `**${this.t.dose}:** ${md(dose)}`];
    if (line.unreadable && item.findings.length > 0) parts.push(md(this.t.notCheckedDetail));
    return parts.join('\n\n');
  }

  /** "line 1: Quinine (order); line 2: Warfarin (current medicine)": what a finding over several lines is about. */
  private concerns(items: readonly number[]): string {
    const one = (i: number) => `${formatLines([i], this.x.lang)}: ${md(this.nameOf(i))}${this.targets.has(i) ? '' : ` (${this.t.currentMedicine})`}`;
    return `**${this.t.concerns}:** ${items.map(one).join('; ')}`;
  }

  private detail(f: Finding, extra: string[]): string {
    const certainty = f.evidence.certaintyLabel ? ` (${f.evidence.certaintyLabel})` : '';
    const refs = f.references.map((r) => `- [${md(r.title)}](${safeUrl(absolute(r.url, this.x.baseUrl))})`);
    return [
      `**${md(f.title)}**`,
      md(f.explanation),
      ...extra,
      `**${this.t.advice}:** ${md(f.advice)}`,
      `**${this.t.evidence}:** ${md(`${f.evidence.levelLabel}: ${f.evidence.summary}${certainty}`)}`,
      ...(refs.length > 0 ? [`**${this.t.references}:**\n\n${refs.join('\n')}`] : []),
    ]
      .filter((p) => p.length > 0)
      .join('\n\n');
  }

  private removal(i: number, recommended: boolean): Suggestion | undefined {
    const id = this.x.lines[i]?.source.id;
    if (!id) return undefined;
    const name = this.nameFormsOf(i).inSentence;
    return {
      uuid: randomUUID(),
      label: this.t.remove(name),
      isRecommended: recommended,
      actions: [{ type: 'delete', description: this.t.removeDescription(name), resourceId: `MedicationRequest/${id}` }],
    };
  }

  private overrideReasons(): Coding[] {
    return OVERRIDE_REASONS.map((code) => ({ system: OVERRIDE_REASON_SYSTEM, code, display: this.t.overrideReasons[code] }));
  }

  private card(f: Finding, a: Assessed, summary: string, extra: string[], toRemove: number[]): IssuedCard {
    const indicator = NOT_CHECKED.has(a.code) ? 'info' : INDICATOR[a.severity];
    const url = this.kbUrl(a.source);
    // An order that was not checked is not a reason to remove it: it is one to verify by hand.
    const suggestions = indicator === 'info' ? [] : toRemove.flatMap((i) => this.removal(i, a.severity === 'avoid') ?? []);
    const card: Card = {
      uuid: randomUUID(),
      summary: summaryOf(summary),
      detail: this.detail(f, extra),
      indicator,
      source: { label: this.t.kbLabel(this.x.assessment.kb.version), url, topic: { system: FINDING_SYSTEM, code: a.code, display: f.title } },
      ...(suggestions.length > 0 ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
      ...(indicator !== 'info' ? { overrideReasons: this.overrideReasons() } : {}),
      ...(isAbsolute(url) ? { links: [{ label: this.t.kbEntry(f.title), url, type: 'absolute' as const }] } : {}),
    };
    return { card, code: a.code };
  }

  private lineCards(i: number): IssuedCard[] {
    const assessed = this.x.assessment.lines[i];
    const item = this.x.report.items[i];
    if (!assessed || !item) return [];
    const line = this.x.lines[i];
    return assessed.findings.flatMap((a, k) => {
      const f = item.findings[k];
      if (!f || POINTER_CODES.has(a.code)) return [];
      const named = a.values.substance ? this.x.kb.substances.get(a.values.substance)?.name[this.x.lang] : undefined;
      const name = named ?? this.nameOf(i);
      const summary = NOT_CHECKED.has(a.code) ? (line?.unreadable ? this.t.notReadable(this.nameOf(i)) : this.t.notChecked(this.nameOf(i))) : this.findingSummary(name, f, a);
      const extra = [this.lineSummary(i), ...this.limitLine(a), ...(line?.unreadable ? [md(unreadableText(line.unreadable, this.x.lang))] : [])];
      return [this.card(f, a, summary, extra, [i])];
    });
  }

  private interactionCards(): IssuedCard[] {
    return this.x.assessment.interactions.flatMap((a, k) => {
      const f = this.x.report.interactions[k];
      if (!f || !a.items.some((i) => this.targets.has(i))) return [];
      const names = a.items.map((i) => this.nameOf(i)).join(' + ');
      const elsewhere = a.actOn.filter((i) => !this.targets.has(i));
      const extra = [this.concerns(a.items), ...(elsewhere.length > 0 && !a.actOn.some((i) => this.targets.has(i)) ? [md(this.t.actOnElsewhere(elsewhere.map((i) => this.nameFormsOf(i).inSentence).join(', ')))] : [])];
      return [this.card(f, a, `${names}: ${f.title}`, extra, a.actOn.filter((i) => this.targets.has(i)))];
    });
  }

  private totalCards(): IssuedCard[] {
    return this.x.assessment.totals.flatMap((t, k) => {
      const total = this.x.report.totals[k];
      if (!total || !t.items.some((i) => this.targets.has(i))) return [];
      return t.findings.flatMap((a, j) => {
        const f = total.findings[j];
        if (!f) return [];
        const amount = total.text ? ` ${total.text}` : '';
        return [this.card(f, a, `${total.substance.name}${amount}: ${f.title}`, [this.concerns(t.items), ...this.limitLine(a)], t.items.filter((i) => this.targets.has(i)))];
      });
    });
  }

  private contextCards(): IssuedCard[] {
    return this.x.assessment.context.flatMap((a, k) => {
      const f = this.x.report.context[k];
      if (!f || !(a.items ?? []).some((i) => this.targets.has(i))) return [];
      return [this.card(f, a, f.title, [this.concerns(a.items ?? [])], [])];
    });
  }

  build(): IssuedCard[] {
    const cards = [...this.x.targets.flatMap((i) => this.lineCards(i)), ...this.interactionCards(), ...this.totalCards(), ...this.contextCards()];
    // Most urgent first; the CDS client may order them again.
    return cards.map((c, n) => ({ c, n })).sort((a, b) => RANK[a.c.card.indicator] - RANK[b.c.card.indicator] || a.n - b.n).map(({ c }) => c);
  }
}

export function findingCards(x: CardContext): IssuedCard[] {
  return new CardBuilder(x).build();
}

/** A card of DialySafe's own, not about a finding ("current medicines not available"). */
export function noticeCard(summary: string, detail: string, x: Pick<CardContext, 'assessment' | 'lang' | 'baseUrl'>): Card {
  const t = cardTexts(x.lang);
  const url = absolute('/kb/coverage', x.baseUrl);
  return {
    uuid: randomUUID(),
    summary: summaryOf(summary),
    detail,
    indicator: 'info',
    source: { label: t.kbLabel(x.assessment.kb.version), url, topic: { system: FINDING_SYSTEM, code: 'cds.notice', display: summaryOf(summary) } },
    ...(isAbsolute(url) ? { links: [{ label: t.kbEntry('coverage'), url, type: 'absolute' as const }] } : {}),
  };
}

/** CDS Hooks links of type "absolute" must be; without a known origin the link is left out. */
function isAbsolute(url: string): boolean {
  return /^https?:\/\//.test(url);
}
