/** Formats a spreadsheet program may have saved instead of CSV. */
const OTHER_FORMATS = ['.xlsx', '.xlsm', '.xls', '.ods', '.numbers', '.tsv', '.txt'];

/**
 * What to tell about a file the run looks for (`wanted`, such as "orders.csv") and does not
 * find, from the names the folder has: one that is surely the same file misnamed (Orders.CSV,
 * orders.csv.txt, orders (1).csv, as a download of it again is named), else one saved in another
 * format (orders.xlsx). Undefined if none is.
 */
export function nearName(
  wanted: string,
  names: readonly string[],
): { name: string; advice: string } | undefined {
  const lower = wanted.toLowerCase();
  const stem = lower.replace(/\.csv$/, '');
  const renamed = names.find((name) => {
    const n = name.toLowerCase();
    return n === lower || n === `${lower}.txt` || n === `${lower}.csv` || isCopy(n, stem);
  });
  if (renamed !== undefined) return { name: renamed, advice: `rename it to ${wanted}` };
  const saved = names.find((name) => OTHER_FORMATS.some((f) => name.toLowerCase() === stem + f));
  if (saved !== undefined) return { name: saved, advice: `save it as CSV, named ${wanted}` };
  return undefined;
}

/** Whether `name` (lower case) is how a browser names a second download: "orders (1).csv". */
function isCopy(name: string, stem: string): boolean {
  return name.startsWith(`${stem} (`) && /^ \(\d+\)\.csv$/.test(name.slice(stem.length));
}
