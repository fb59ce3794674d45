// The short random folder that gives every default upload its own location, so a later upload
// with the same name never replaces the content behind an earlier link.
import { randomBytes } from 'node:crypto';

// RFC 4648 base32 alphabet, lower-cased: safe in URLs and on case-insensitive disks.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 8 characters of 5 bits each = 40 bits: collisions are negligible even across years of uploads. */
export function uniqueSegment(length = 8, random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(length);
  let out = '';
  // 256 is a multiple of 32, so taking the low 5 bits keeps every character equally likely.
  for (let i = 0; i < length; i += 1) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}
