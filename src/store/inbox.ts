/**
 * The inbox: "acknowledged means kept". A platform request (a Slack event, command or button, a
 * Teams activity) is written here before it is acknowledged, and worked on after the ack:
 * - `receive` writes one record (one store round trip) keyed by the request's own id, so a
 *   platform's retry of the same request finds it and is dropped; the receiving instance holds a
 *   short lease on it from the start (no second write to claim it);
 * - `run` works on it in the background and then marks it done (the payload is removed; the
 *   record stays, without content, as the de-duplication marker until it expires);
 * - `resume` (at start-up and on every scheduler tick, on any instance) takes over records whose
 *   lease ran out (the instance that received them died or hung) by replacing the record on its
 *   eTag, so exactly one instance wins each one.
 * A turn that was killed half-way is run again from the start: nothing acknowledged is lost. The
 * Slack adapter writes down every message a turn posts (adapters/slack/outbox.ts), so the run
 * after a crash does not post them again (a message that reached Slack just before the kill is
 * found in the conversation by the key it carries as message metadata).
 * Payloads are what people typed, before redaction: they are kept encrypted (AES-256-GCM) and
 * only until the work is done.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineKind } from './kinds.ts';
import { isConflict, type Doc, type DocumentStore, type StoreClock } from './document-store.ts';

export const INBOX_KIND = defineKind('inbox', { owner: 'store', partition: 'platform', about: 'platform requests kept (encrypted) before their ack until done' });

export const InboxRecordSchema = z.object({
  state: z.enum(['pending', 'done']),
  /** Encrypted JSON of the request (pending records only). */
  payload: z.string().optional(),
  /** The instance working on it, and until when (epoch ms). */
  owner: z.string(),
  leaseUntil: z.number(),
  attempts: z.number().int(),
  receivedAt: z.string(),
});
export type InboxRecord = z.infer<typeof InboxRecordSchema>;

export interface InboxLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface InboxOptions {
  /** Secret material for the payload key (the platforms' signing secrets); hashed with SHA-256. */
  secret: string;
  /** How long a lease holds without renewal; renewed while a long turn runs. */
  leaseSeconds?: number;
  /** How long a done record is kept as the de-duplication marker. */
  doneTtlSeconds?: number;
  /** A request that failed this many times is given up (logged, marked done). */
  maxAttempts?: number;
  /** How many requests this instance works on at once; the others wait their turn. */
  maxConcurrent?: number;
  log?: InboxLog;
}

export type InboxHandler = (payload: unknown, item: { source: string; id: string; attempts: number }) => Promise<void>;

const DEFAULTS = { leaseSeconds: 10, doneTtlSeconds: 24 * 3600, maxAttempts: 5, maxConcurrent: 16 };

export class Inbox {
  /** This process; leases name it. */
  readonly owner = randomUUID();
  private readonly key: Buffer;
  private readonly handlers = new Map<string, InboxHandler>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Records written by `receive`, waiting for `run` (so running needs no second read). */
  private readonly received = new Map<string, Doc<InboxRecord>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly options: typeof DEFAULTS;
  private closed = false;

  constructor(
    private readonly docs: DocumentStore,
    private readonly clock: StoreClock,
    private readonly settings: InboxOptions,
  ) {
    this.key = createHash('sha256').update(`wegwijs-inbox|${settings.secret}`).digest();
    this.options = {
      leaseSeconds: settings.leaseSeconds ?? DEFAULTS.leaseSeconds,
      doneTtlSeconds: settings.doneTtlSeconds ?? DEFAULTS.doneTtlSeconds,
      maxAttempts: settings.maxAttempts ?? DEFAULTS.maxAttempts,
      maxConcurrent: settings.maxConcurrent ?? DEFAULTS.maxConcurrent,
    };
  }

  /** Who works on the requests of `source` (a platform registers itself when it is mounted). */
  on(source: string, handler: InboxHandler): void {
    this.handlers.set(source, handler);
  }

  /**
   * Keeps a request before it is acknowledged. True when it is new; false when a request with
   * this id was received before (a retry or duplicate: acknowledge it and do nothing).
   * Throws when it cannot be kept: then the request must not be acknowledged.
   */
  async receive(source: string, id: string, payload: unknown): Promise<boolean> {
    const record: InboxRecord = {
      state: 'pending',
      payload: this.seal(payload),
      owner: this.owner,
      leaseUntil: this.leaseEnd(),
      attempts: 1,
      receivedAt: this.clock.now().toISOString(),
    };
    try {
      this.received.set(`${source}|${id}`, await this.docs.create(INBOX_KIND, source, id, record));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  /**
   * Works on a request this instance just received, after the ack; never throws. `handler` works
   * on it this time instead of the source's own (Slack continues the very request it kept,
   * instead of handing it to Bolt a second time); a run after a failure or a crash uses the
   * source's handler. Resolves when the work is done.
   */
  run(source: string, id: string, payload: unknown, handler?: InboxHandler): Promise<void> {
    const key = `${source}|${id}`;
    const doc = this.received.get(key);
    this.received.delete(key);
    return doc ? this.track(source, id, () => this.work(doc, payload, handler)) : Promise.resolve();
  }

  /** Takes over and runs pending requests whose lease ran out. Returns how many it took. */
  async resume(): Promise<number> {
    if (this.closed) return 0;
    let taken = 0;
    for (const source of this.handlers.keys()) {
      const pending = await this.docs.query<InboxRecord>(INBOX_KIND, { pk: source, where: { state: 'pending' } });
      const now = this.clock.now().getTime();
      for (const doc of pending) {
        if (doc.data.leaseUntil > now || this.inFlight.has(`${source}|${doc.id}`)) continue;
        const next: InboxRecord = { ...doc.data, owner: this.owner, leaseUntil: this.leaseEnd(), attempts: doc.data.attempts + 1 };
        let claimed: Doc<InboxRecord>;
        try {
          claimed = await this.docs.replace(INBOX_KIND, source, doc.id, next, { ifMatch: doc.etag });
        } catch (err) {
          if (isConflict(err)) continue; // another instance took it
          throw err;
        }
        taken++;
        this.track(source, doc.id, () => this.work(claimed));
      }
    }
    return taken;
  }

  /**
   * Resolves when no request is being worked on by this instance (tests, shutdown). A request kept
   * a moment ago starts just after its acknowledgement has gone out: it is waited for too, for a
   * short while (one whose acknowledgement failed is never run, and must not hold a shutdown).
   */
  async idle(): Promise<void> {
    const until = Date.now() + 250;
    for (;;) {
      if (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
      else if (this.received.size && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 1));
      else return;
    }
  }

  /** Stops taking work and waits for what runs. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private track(source: string, id: string, work: () => Promise<void>): Promise<void> {
    const key = `${source}|${id}`;
    const done = work()
      .catch((err: unknown) => this.settings.log?.error({ source, code: (err as { code?: string }).code ?? 'wegwijs_inbox_error' }, 'inbox work failed'))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, done);
    return done;
  }

  /**
   * Waits for one of `maxConcurrent` slots, so that under a burst the acknowledgements (and the
   * event loop) are not buried under thousands of turns at once; the rest waits, kept in the
   * store. A request that waited longer than the renewal interval (a third of the lease) renews
   * its lease (on its eTag) before it runs: if another instance took it over meanwhile, that one
   * runs it. One that waited less still holds two thirds of its lease, which no other instance
   * can take over, as a running request between two renewals does (one write less per request
   * under a burst).
   */
  private async work(doc: Doc<InboxRecord>, opened?: unknown, handler?: InboxHandler): Promise<void> {
    const waited = await this.slot();
    try {
      let current = doc;
      if (waited && doc.data.leaseUntil - this.clock.now().getTime() < (this.options.leaseSeconds * 1000 * 2) / 3) {
        try {
          current = await this.docs.replace<InboxRecord>(INBOX_KIND, doc.pk, doc.id, { ...doc.data, owner: this.owner, leaseUntil: this.leaseEnd() }, { ifMatch: doc.etag });
        } catch (err) {
          if (isConflict(err)) return;
          throw err;
        }
      }
      await this.runHandler(current, opened, handler);
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<boolean> {
    if (this.active < this.options.maxConcurrent) {
      this.active++;
      return false;
    }
    // The slot is handed over by `release` (the count stays).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Runs the handler, renewing the lease while it runs, then marks the record done. */
  private async runHandler(doc: Doc<InboxRecord>, opened?: unknown, override?: InboxHandler): Promise<void> {
    const handler = override ?? this.handlers.get(doc.pk);
    if (!handler) return;
    let current = doc;
    if (current.data.attempts > this.options.maxAttempts) {
      this.settings.log?.error({ source: doc.pk, attempts: current.data.attempts }, 'inbox request given up after repeated failures');
      await this.finish(current);
      return;
    }
    const renew = setInterval(() => {
      const next = { ...current.data, leaseUntil: this.leaseEnd() };
      this.docs.replace<InboxRecord>(INBOX_KIND, current.pk, current.id, next, { ifMatch: current.etag }).then(
        (renewed) => (current = renewed),
        () => undefined,
      );
    }, (this.options.leaseSeconds * 1000) / 3);
    renew.unref();
    try {
      const payload = opened ?? this.open(current.data.payload);
      await handler(payload, { source: current.pk, id: current.id, attempts: current.data.attempts });
    } catch (err) {
      // Left pending: the lease runs out and `resume` tries again (up to maxAttempts).
      clearInterval(renew);
      throw err;
    }
    clearInterval(renew);
    await this.finish(current);
  }

  /** Done: the payload goes, the record stays as the de-duplication marker until it expires. */
  private async finish(doc: Doc<InboxRecord>): Promise<void> {
    const done: InboxRecord = { state: 'done', owner: doc.data.owner, leaseUntil: 0, attempts: doc.data.attempts, receivedAt: doc.data.receivedAt };
    // Unconditional: whoever finishes first, the request is done and its content must go.
    await this.docs.upsert(INBOX_KIND, doc.pk, doc.id, done, { ttlSeconds: this.options.doneTtlSeconds });
  }

  private leaseEnd(): number {
    return this.clock.now().getTime() + this.options.leaseSeconds * 1000;
  }

  private seal(payload: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private open(sealed: string | undefined): unknown {
    if (!sealed) throw new Error('inbox record without payload');
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  }
}
