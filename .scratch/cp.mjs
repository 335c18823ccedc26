import { parse } from 'csv-parse/sync';

const text = 'orderid,sku,qty\r\n\r\no1,"A\r\nB",3\r\n,,\r\no2,B,4\r\n"o3",C,"5"';
const recs = parse(text, {
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  info: true,
  raw: true,
  relax_column_count: true,
  skip_records_with_empty_values: true,
});
for (const r of recs) console.log(JSON.stringify(r.record), r.info.lines, JSON.stringify(r.raw));
try {
  parse('a,b\n1,"x\n2,3\n', {});
} catch (e) {
  console.log(e.code, e.message, e.lines);
}
try {
  parse('a,b\n1,x"y\n', {});
} catch (e) {
  console.log(e.code, e.message, e.lines);
}
try {
  parse('a,b\n1,"x"y\n', {});
} catch (e) {
  console.log(e.code, e.message, e.lines);
}
const plain = parse('a,b\n\n1,2\n,\n3,4\n', {
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
});
console.log(JSON.stringify(plain));
