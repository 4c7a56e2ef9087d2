/** How long a write waits for another one in the same workbook before giving up. */
const LOCK_WAIT_MS = 30000;

/**
 * Runs a write under the document lock, so two clicks (or two people) cannot run it at once.
 * Throws a plain-words error when the workbook stays busy.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error('Another SLM Workbook action is still running on this workbook. Wait for it to finish, then try again.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
