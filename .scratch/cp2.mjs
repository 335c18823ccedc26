import { parse } from 'csv-parse/sync';

const text = 'orderid,sku,qty\n\no1,"A\nB",3\n,,\no2,B,4\n"o3",C,"5"\n\n';
const recs = parse(text, { info: true, relax_quotes: true, relax_column_count: true });
for (const r of recs)
  console.log(JSON.stringify(r.record), r.info.lines, r.info.index, r.info.records);
try {
  parse('a,b\n1,"x\n2,3\n', {});
} catch (e) {
  console.log(e.code, e.lines);
}
try {
  parse('a,b\n\n1,"x"y\n', { relax_quotes: true });
} catch (e) {
  console.log(e.code, e.lines, e.message);
}
console.log(JSON.stringify(parse('a,b\n1,12" pan\n', { relax_quotes: true })));
