import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every test's temp folders go under one folder per run, removed when the run ends. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'allocate-tests-'));
  chmodSync(root, 0o755); // the permission tests run as another user, who must get through
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
  };
}
