import type { SearchSetup, WorkerReply, WorkerRequest } from './search-protocol.ts';

/** Sends one request to the search worker and resolves with its reply. */
export type Ask = (request: DistributiveOmit<WorkerRequest, 'seq'>) => Promise<WorkerReply>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The search worker (search-worker.ts), started on first use: once started, it
 * loads Pagefind and the phrasing data at once, so that starting it early (a
 * shared link, focus on the search box) has the first search ready sooner.
 * A module worker from the site's own origin (CSP worker-src 'self').
 */
export function searchConnection(setup: () => SearchSetup): { start(): void; ask: Ask } {
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>();
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const send: Ask = (request) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      worker!.postMessage({ ...request, seq: id } as WorkerRequest);
    });
  function start() {
    if (worker) return;
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const p = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (reply.kind === 'error') p?.reject(new Error(reply.message));
      else p?.resolve(reply);
    });
    worker.addEventListener('error', (event) => fail(new Error(`search worker: ${event.message}`)));
    // A failure to start is reported by the search that needs it.
    send({ kind: 'start', setup: setup() }).catch(() => undefined);
  }
  return {
    start,
    ask(request) {
      start();
      return send(request);
    },
  };
}
