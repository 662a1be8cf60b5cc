/** A problem in the knowledge-base sources, pointing at the file and field a reviewer must fix. */
export interface SourceProblem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: SourceProblem): string {
  return `${p.file}${p.path ? ` › ${p.path}` : ''}: ${p.message}`;
}

export class KbSourceError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'KbSourceError';
  }
}

/** The compiled knowledge base cannot be used; the message is one sentence for the operator. */
export class KbLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KbLoadError';
  }
}
