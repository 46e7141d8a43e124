/**
 * "a" or "an" before a phrase, by how it is spoken: "an identity-based policy", "a user", "an SCP", "an S3 bucket",
 * "a service control policy". Phrases are our own labels and catalogue names (resource types, operator families),
 * so a letter rule with the few exceptions English has for them is enough.
 */
export function withIndefiniteArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = /^[\w-]*/.exec(phrase.replace(/^[*_`]+/, ''))![0];
  // An initialism is spelled out letter by letter: F, H, L, M, N, R, S, X and the vowels (but U) start with a vowel sound.
  const initial = /^[A-Z][A-Z0-9]+\b/.test(word) || /^[A-Z]\d/.test(word);
  if (initial) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  const lower = word.toLowerCase();
  // "user", "unique", "usage", "utility", "one-time": a vowel letter with a consonant sound.
  if (/^(u[bcfgklmprstvz][aeiou]|uni|eu|one)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}
