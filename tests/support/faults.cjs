// Preloaded (node --require) into the CLI by the fault tests; never part of the product.
// FAULT selects what goes wrong when the run opens its first temp file, that is after it has read
// everything and before it commits:
//   vanish:<path>   the file is removed
//   change:<path>   a line is appended to the file
//   short-write     writes stop halfway, silently, as on a disk that just filled up
//   enospc          writes fail with ENOSPC
//   enospc-append   the event log's append (a file opened with 'a+') fails with ENOSPC, after
//                   the run has committed
//   signal:<SIG>    the process is sent SIG (as by Ctrl-C or `kill`)
// and one more, later:
//   signal-at-commit:<SIG>  SIG is sent as the first temp file is renamed over its output
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const { syncBuiltinESMExports } = require('node:module');

const [kind, path] = (process.env.FAULT ?? '').split(/:(.*)/s);
const originalOpen = fsp.open;
const originalRename = fsp.rename;
let struck = false;

function enospc(handle) {
  handle.writeFile = async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
    });
  };
}

fsp.open = async function open(file, flags, mode) {
  const handle = await originalOpen.call(this, file, flags, mode);
  if (kind === 'enospc-append' && flags === 'a+') enospc(handle);
  if (!String(file).includes('.tmp-')) return handle;
  if (!struck && kind === 'vanish') fs.rmSync(path);
  if (!struck && kind === 'change') fs.appendFileSync(path, 'late-order,LATE-SKU,1\n');
  if (!struck && kind === 'signal') process.kill(process.pid, path);
  struck = true;
  if (kind === 'short-write') {
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = (data) => writeFile(data.subarray(0, Math.floor(data.length / 2)));
  }
  if (kind === 'enospc') enospc(handle);
  return handle;
};
let renamed = false;
fsp.rename = async function rename(from, to) {
  if (!renamed && kind === 'signal-at-commit' && String(from).includes('.tmp-')) {
    renamed = true;
    process.kill(process.pid, path);
  }
  return originalRename.call(this, from, to);
};
syncBuiltinESMExports();
