/**
 * What identifies the schema a knowledge base was validated with: the SHA-256 of its JSON Schema,
 * which holds every field, type, enum, pattern and bound. The build records it in the file; a file
 * whose bytes have their recorded digest and whose fingerprint is this server's was validated by
 * this same schema when it was built, and is not parsed again at start (decision 015).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { kbData } from './schema.js';

export function fingerprintOf(schema: z.ZodType): string {
  const described = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return createHash('sha256').update(JSON.stringify(described)).digest('hex');
}

let fingerprint: string | undefined;

/** The fingerprint of this server's knowledge-base schema, worked out once. */
export function schemaFingerprint(): string {
  fingerprint ??= fingerprintOf(kbData);
  return fingerprint;
}
