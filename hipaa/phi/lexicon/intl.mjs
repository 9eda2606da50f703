// Builds intl.txt.gz, the international given names and surnames of the
// PHI detector, from the locale data of @faker-js/faker (MIT); see
// PROVENANCE.md. Usage, from hipaa/phi/lexicon, with the package unpacked
// (npm pack @faker-js/faker && tar xzf faker-js-faker-*.tgz):
//
//	node intl.mjs <path to package> <lexicon.txt.gz> > intl.txt && gzip -9n intl.txt
//
// Output lines: word<TAB>flags, flags 1 (given-name tier 1) or 4 (surname
// tier 1) or 5, sorted. Names are folded to ASCII (NFKD, marks dropped,
// ß ss, æ ae, ø o, ł l, đ d, œ oe) and lower-cased; only [a-z]{4,24} is
// kept, and only words not already in lexicon.txt.gz (neither a US name
// nor an English word).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [pkg, lexPath] = process.argv.slice(2);
const { allLocales } = await import(pathToFileURL(join(pkg, 'dist/index.js')).href);
const known = new Set();
for (const line of gunzipSync(readFileSync(lexPath)).toString('utf8').split('\n')) {
  const t = line.indexOf('\t');
  if (t > 0) known.add(line.slice(0, t));
}
const fold = (s) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/ł/g, 'l')
    .replace(/đ/g, 'd').replace(/œ/g, 'oe').replace(/ı/g, 'i');
const flat = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v).flatMap(flat) : []);
// particles and titles inside compound surnames: not names on their own
const particles = new Set(['von', 'van', 'der', 'den', 'del', 'della', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn', 'abu', 'mac',
  'los', 'las', 'san', 'santa', 'saint', 'sainte', 'dei', 'degli', 'zur', 'vom', 'ould', 'bint', 'binti', 'bte']);
const out = new Map();
for (const [loc, def] of Object.entries(allLocales)) {
  if (loc === 'en_BORK' || loc === 'en_AU_ocker' || !def.person) continue;
  for (const [field, flag] of [['first_name', 1], ['last_name', 4]]) {
    for (const raw of flat(def.person[field])) {
      for (const part of String(raw).split(/[\s\-']+/)) {
        const w = fold(part);
        if (!/^[a-z]{4,24}$/.test(w) || known.has(w) || particles.has(w)) continue;
        out.set(w, (out.get(w) || 0) | flag);
      }
    }
  }
}
const lines = [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, f]) => `${w}\t${f}`);
process.stdout.write(lines.join('\n') + '\n');
