/** Every handler runs inside a guard: an exception costs a log line and an empty answer. */
export type Log = (message: string) => void;

export function guarded<P extends unknown[], R>(log: Log, name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
