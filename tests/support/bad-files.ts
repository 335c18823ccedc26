import { csvOf } from './cli.js';

/**
 * Bad folders for tests/e2e/bad-input.test.ts: each replaces files of `GOOD` (an empty string
 * removes one); `message` is exactly what follows the folder path on stderr.
 */
export const BAD_FILES: [string, Record<string, string | Buffer>, string][] = [
  [
    'a decimal comma',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o2,CLOCK,"1,5"') },
    'orders.csv:3: qty "1,5" is not a whole number',
  ],
  [
    'a decimal point',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,2.0') },
    'orders.csv:2: qty "2.0" is not a whole number',
  ],
  [
    'an exponent',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,1e3') },
    'orders.csv:2: qty "1e3" is not a whole number',
  ],
  [
    'a word',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,three') },
    'orders.csv:2: qty "three" is not a whole number',
  ],
  [
    'a negative batch qty',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,-5,') },
    'batches.csv:2: qty "-5" is not a whole number',
  ],
  [
    'a zero order qty',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,0') },
    'orders.csv:2: qty "0" must be at least 1',
  ],
  [
    'a huge qty',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,99999999999,') },
    'batches.csv:2: qty "99999999999" must be at most 1000000000',
  ],
  [
    'an empty qty',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,') },
    'orders.csv:2: qty is empty',
  ],
  [
    'a day that does not exist',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,2024-02-30') },
    'batches.csv:2: eta "2024-02-30" is not a date of the form YYYY-MM-DD',
  ],
  [
    'a US date',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,', 'b2,CLOCK,5,01/02/2027') },
    'batches.csv:3: eta "01/02/2027" is not a date of the form YYYY-MM-DD',
  ],
  [
    'a date without zeros',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,2027-1-2') },
    'batches.csv:2: eta "2027-1-2" is not a date of the form YYYY-MM-DD',
  ],
  [
    'a line after a quoted newline',
    { 'orders.csv': csvOf('orderid,sku,qty', '"o1', 'part two",CLOCK,3', 'o2,CLOCK,x') },
    'orders.csv:4: qty "x" is not a whole number',
  ],
  [
    'a missing column',
    { 'batches.csv': csvOf('ref,sku,qty', 'b1,CLOCK,5') },
    'batches.csv:1: missing column "eta" (the header has: ref, sku, qty)',
  ],
  ['a missing file', { 'orders.csv': '' }, 'orders.csv: not found in'],
  [
    'a qty too long to quote whole',
    { 'orders.csv': csvOf('orderid,sku,qty', `o1,CLOCK,${'9'.repeat(60)}x`) },
    `orders.csv:2: qty "${'9'.repeat(40)}…" (61 characters) is not a whole number`,
  ],
  [
    'batches.csv named in capitals',
    { 'batches.csv': '', 'Batches.CSV': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,') },
    'batches.csv: not found, but there is Batches.CSV: rename it to batches.csv',
  ],
  [
    'orders saved as a workbook',
    { 'orders.csv': '', 'orders.xlsx': Buffer.from('PK\x03\x04') },
    'orders.csv: not found, but there is orders.xlsx: save it as CSV, named orders.csv',
  ],
  [
    'orders downloaded twice',
    { 'orders.csv': '', 'orders (1).csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3') },
    'orders.csv: not found, but there is orders (1).csv: rename it to orders.csv',
  ],
  [
    'allocations.csv named in capitals, which a run would ignore',
    {
      'allocations.csv': '',
      'Allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1'),
    },
    'allocations.csv: not found, but there is Allocations.csv: rename it to allocations.csv ' +
      '(without it, the run would allocate every order line afresh)',
  ],
  [
    'an empty file',
    { 'orders.csv': Buffer.alloc(0) },
    'orders.csv:1: is empty (expected a header: orderid,sku,qty)',
  ],
  [
    'batches with a header only',
    { 'batches.csv': csvOf('ref,sku,qty,eta') },
    'batches.csv:1: has a header and no batches',
  ],
  [
    'binary garbage',
    { 'orders.csv': Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]) },
    'orders.csv:1: holds binary data, not CSV text',
  ],
  [
    'a byte that is a character neither in UTF-8 nor in Windows-1252',
    {
      'orders.csv': Buffer.from('orderid,sku,qty\r\nrenée,CLOCK,3\r\no\x812,CLOCK,4\r\n', 'latin1'),
    },
    'orders.csv:3: byte 0x81 is a character neither in UTF-8 nor in Windows-1252: save the file as CSV UTF-8',
  ],
  [
    'UTF-16 with half a character',
    {
      'orders.csv': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('orderid,sku,qty\no1,CLOCK,3\no', 'utf16le'),
        Buffer.from([0x00, 0xd8]),
        Buffer.from('2,CLOCK,4\n', 'utf16le'),
      ]),
    },
    'orders.csv:3: is not valid UTF-16 (half a character): save the file as CSV UTF-8',
  ],
  [
    'an .xlsx renamed',
    { 'batches.csv': Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1') },
    'batches.csv:1: is a zip file (an Excel .xlsx workbook?), not CSV: save it as CSV first',
  ],
  [
    'a ragged row',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o2,CLOCK') },
    'orders.csv:3: has 2 values, the header has 3 columns',
  ],
  [
    'a row too long',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3,surprise') },
    'orders.csv:2: has 4 values, the header has 3 columns',
  ],
  [
    'a column named twice',
    { 'orders.csv': csvOf('orderid,sku,Qty,qty ', 'o1,CLOCK,3,4') },
    'orders.csv:1: column "qty" is in the header twice (columns 3 and 4)',
  ],
  [
    'a header again, as two files joined into one give',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', ' OrderId,SKU,"Qty"', 'o2,CLOCK,4') },
    'orders.csv:3: repeats the header (two files joined into one?): remove the line',
  ],
  [
    'an unterminated quote',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', '"o2,CLOCK,4', 'o3,CLOCK,5') },
    'orders.csv:3: a quoted value starts here and is never closed',
  ],
  [
    'a conflicting duplicate batch',
    { 'batches.csv': csvOf('ref,sku,qty,eta', 'b1,CLOCK,5,', 'b2,CLOCK,5,', 'b1,CLOCK,6,') },
    'batches.csv:4: batch b1 is listed again with other values (first on line 2)',
  ],
  [
    'a conflicting duplicate order line',
    { 'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o1,CLOCK,4') },
    'orders.csv:3: order line o1/CLOCK is listed again with other values (first on line 2)',
  ],
  [
    'a conflicting repeat among lines of other skus',
    {
      'orders.csv': csvOf('orderid,sku,qty', 'o1,CLOCK,3', 'o1,LAMP,2', 'o2,CLOCK,1', 'o1,CLOCK,5'),
    },
    'orders.csv:5: order line o1/CLOCK is listed again with other values (first on line 2)',
  ],
  [
    'a conflicting repeated allocation',
    { 'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,5,b1', 'o0,CLOCK,6,b1') },
    'allocations.csv:3: allocation o0/CLOCK is listed again with other values (first on line 2)',
  ],
  [
    'an allocation with a bad qty',
    { 'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0,CLOCK,lots,b1') },
    'allocations.csv:2: qty "lots" is not a whole number',
  ],
  [
    'an allocation without a sku',
    { 'allocations.csv': csvOf('orderid,sku,qty,batchref', 'o0, ,5,b1') },
    'allocations.csv:2: sku is empty',
  ],
  [
    'an empty orderid',
    { 'orders.csv': csvOf('orderid,sku,qty', ',CLOCK,3') },
    'orders.csv:2: orderid is empty',
  ],
];
