import fs from 'node:fs';
const locs = process.argv.slice(2);
const out = [];
function flat(v){ if(!v) return []; if(Array.isArray(v)) return v; return Object.values(v).flat(); }
for (const l of locs) {
  const m = await import(`./package/dist/locale/${l}.js`);
  const def = m[l] || Object.values(m).find(x => x && x.person && !x.rawDefinitions) ;
  let d = def;
  if (!d || !d.person) { for (const v of Object.values(m)) { if (v && v.rawDefinitions) { d = v.rawDefinitions; break; } } }
  if (!d || !d.person) { console.error('no person', l, Object.keys(m)); continue; }
  const fn = [...new Set(flat(d.person.first_name))];
  const ln = [...new Set(flat(d.person.last_name))];
  console.error(l, fn.length, ln.length, fn.slice(0,3).join('|'), ln.slice(0,3).join('|'));
  for (const x of fn) out.push(`${l}\tgiven\t${x}`);
  for (const x of ln) out.push(`${l}\tsurname\t${x}`);
}
fs.writeFileSync('faker.tsv', out.join('\n')+'\n');
