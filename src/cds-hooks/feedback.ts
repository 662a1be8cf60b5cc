/**
 * What clinicians did with DialySafe's cards, counted per rule code for knowledge-base review:
 * accepted, overridden, and the override reasons chosen. Only a card's uuid and rule code are
 * remembered (to know what a feedback is about), in memory and bounded; no patient data, no card
 * text and no user comment is kept.
 */
import type { FeedbackItem } from './schemas.js';
import { OVERRIDE_REASON_SYSTEM, OVERRIDE_REASONS } from './texts.js';

/** Cards remembered at most; the oldest are forgotten first (their feedback counts as unknown). */
export const MAX_CARDS = 50_000;

interface Counts {
  accepted: number;
  overridden: number;
  overrideReasons: Record<string, number>;
}

export interface FeedbackSummary {
  since: string;
  /** Rule code → what was done with its cards. */
  rules: Record<string, Counts>;
  /** Feedback on cards this instance does not know (issued before a restart, or forgotten). */
  unknownCards: number;
}

const KNOWN_REASONS: ReadonlySet<string> = new Set(OVERRIDE_REASONS);

export class FeedbackLedger {
  private readonly cards = new Map<string, string>();
  private readonly counts = new Map<string, Counts>();
  private unknown = 0;
  private readonly since = new Date().toISOString();

  constructor(private readonly maxCards = MAX_CARDS) {}

  /** A card was issued for this rule code. */
  remember(cardUuid: string, code: string): void {
    this.cards.set(cardUuid, code);
    if (this.cards.size > this.maxCards) {
      const oldest = this.cards.keys().next().value;
      if (oldest !== undefined) this.cards.delete(oldest);
    }
  }

  record(items: readonly FeedbackItem[]): void {
    for (const f of items) {
      const code = this.cards.get(f.card);
      if (code === undefined) {
        this.unknown++;
        continue;
      }
      let c = this.counts.get(code);
      if (!c) this.counts.set(code, (c = { accepted: 0, overridden: 0, overrideReasons: {} }));
      if (f.outcome === 'accepted') c.accepted++;
      else {
        c.overridden++;
        const reason = f.overrideReason?.reason;
        if (reason) {
          // Reasons of DialySafe's own value set by code; a client's own reasons together, so the counts stay bounded.
          const key = reason.system === OVERRIDE_REASON_SYSTEM && reason.code && KNOWN_REASONS.has(reason.code) ? reason.code : 'other';
          c.overrideReasons[key] = (c.overrideReasons[key] ?? 0) + 1;
        }
      }
    }
  }

  summary(): FeedbackSummary {
    const rules: Record<string, Counts> = {};
    for (const [code, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) rules[code] = { ...c, overrideReasons: { ...c.overrideReasons } };
    return { since: this.since, rules, unknownCards: this.unknown };
  }
}
