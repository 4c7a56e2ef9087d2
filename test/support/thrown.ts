/** The message a call throws, or 'no error': for tests that compare messages. */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return String((e as Error).message);
  }
  return 'no error';
}
