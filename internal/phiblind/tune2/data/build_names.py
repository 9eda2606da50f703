import gzip, csv, io, sys
out = []
# US surnames: 4 strata by row (rank order), every k-th row
rows = list(csv.DictReader(io.TextIOWrapper(gzip.open('/work/shared/phi/names/surnames-census2010.csv.gz'), 'utf-8')))
strata = [(0,1000,'us-sur-top1k'),(1000,10000,'us-sur-1k-10k'),(10000,50000,'us-sur-10k-50k'),(50000,len(rows),'us-sur-50k+')]
for a,b,tag in strata:
    step = max(1,(b-a)//110)
    for i in range(a,b,step)[:110]:
        out.append((tag,'surname',rows[i]['name']))
g = list(csv.DictReader(io.TextIOWrapper(gzip.open('/work/shared/phi/names/given-names-ssa.csv.gz'), 'utf-8')))
# aggregate by name across sexes and sort by total count desc
tot = {}
for r in g:
    tot[r['name']] = tot.get(r['name'],0)+int(r['count'])
names = sorted(tot, key=lambda n:(-tot[n], n))
strata = [(0,1000,'us-giv-top1k'),(1000,10000,'us-giv-1k-10k'),(10000,40000,'us-giv-10k-40k'),(40000,len(names),'us-giv-40k+')]
for a,b,tag in strata:
    step = max(1,(b-a)//110)
    for i in range(a,b,step)[:110]:
        out.append((tag,'given',names[i]))
# faker: every k-th to at most 30 per locale and kind
fk = {}
for line in open('faker.tsv', encoding='utf-8'):
    l,k,n = line.rstrip('\n').split('\t')
    fk.setdefault((l,k),[]).append(n)
for (l,k),v in fk.items():
    v = [x.strip() for x in v if x.strip() and '\t' not in x]
    step = max(1,len(v)//30)
    for x in v[::step][:30]:
        out.append(('faker-'+l,k,x))
with open('/work/main/internal/phiblind/tune2/data/names.tsv','w',encoding='utf-8') as f:
    f.write('list\tkind\tname\n')
    for t in out: f.write('\t'.join(t)+'\n')
print(len(out))
