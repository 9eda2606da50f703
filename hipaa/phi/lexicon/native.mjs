// Builds native.txt.gz, the given names and surnames of the PHI detector
// written in non-Latin scripts (Arabic, Cyrillic, Greek, Hebrew, Han,
// kana, Hangul, Thai, Devanagari, Georgian, Armenian, Thaana ...), from
// the locale data of @faker-js/faker (MIT); see PROVENANCE.md. Usage, from
// hipaa/phi/lexicon, with the package unpacked:
//
//	node native.mjs <path to package> > native.txt && gzip -9n native.txt
//
// Output lines: word<TAB>flags, flags 1 (given name), 4 (surname) or 5,
// sorted by code point. A word is normalized as the detector normalizes a
// token (nativeFold in shapes.go): NFD, nonspacing marks dropped, NFC,
// lower-cased, final sigma as sigma. Names are split at spaces, hyphens
// and ZWNJ; a word is kept when it has a rune at U+0370 or above and at
// least two runes (one is enough in Han, kana and Hangul, where a surname
// is often one character).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [pkg] = process.argv.slice(2);
const { allLocales } = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
const fold = (s) => s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLowerCase().replace(/ς/g, 'σ');
const flat = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v).flatMap(flat) : []);
const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
const out = new Map();
for (const [loc, def] of Object.entries(allLocales)) {
  if (!def.person) continue;
  for (const [field, flag] of [['first_name', 1], ['last_name', 4]]) {
    for (const raw of flat(def.person[field])) {
      for (const part of String(raw).split(/[\s\-\u200c]+/u)) {
        const w = fold(part);
        const runes = [...w];
        if (!runes.some((r) => r.codePointAt(0) >= 0x370)) continue;
        if (!/^[\p{L}\p{M}]+$/u.test(w)) continue;
        if (runes.length < 2 && !cjk.test(w)) continue;
        out.set(w, (out.get(w) || 0) | flag);
      }
    }
  }
}
const cmp = (a, b) => {
  const x = [...a].map((r) => r.codePointAt(0)), y = [...b].map((r) => r.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};
const lines = [...out].sort(([a], [b]) => cmp(a, b)).map(([w, f]) => `${w}\t${f}`);
process.stdout.write(lines.join('\n') + '\n');
