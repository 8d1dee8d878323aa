/**
 * A typed view of one kind of document, validated by a zod schema when read. Features get their
 * collections from the store; this is the only way they touch storage.
 */
import type { z } from 'zod';
import { StoreConflictError, isConflict, type Doc, type DocumentStore, type Kind, type QueryOptions, type WriteOptions } from './document-store.ts';

export const MAX_UPDATE_ATTEMPTS = 8;

export class Collection<S extends z.ZodType> {
  constructor(
    private readonly docs: DocumentStore,
    readonly kind: Kind,
    private readonly schema: S,
  ) {}

  async get(pk: string, id: string): Promise<Doc<z.infer<S>> | undefined> {
    const doc = await this.docs.read<unknown>(this.kind, pk, id);
    return doc ? this.parse(doc) : undefined;
  }

  create(pk: string, id: string, data: z.infer<S>, options?: WriteOptions): Promise<Doc<z.infer<S>>> {
    return this.docs.create(this.kind, pk, id, this.schema.parse(data), options);
  }

  put(pk: string, id: string, data: z.infer<S>, options?: WriteOptions): Promise<Doc<z.infer<S>>> {
    return this.docs.upsert(this.kind, pk, id, this.schema.parse(data), options);
  }

  replace(pk: string, id: string, data: z.infer<S>, ifMatch: string): Promise<Doc<z.infer<S>>> {
    return this.docs.replace(this.kind, pk, id, this.schema.parse(data), { ifMatch });
  }

  delete(pk: string, id: string): Promise<boolean> {
    return this.docs.delete(this.kind, pk, id);
  }

  async list(options: QueryOptions = {}): Promise<Doc<z.infer<S>>[]> {
    const docs = await this.docs.query<unknown>(this.kind, options);
    return docs.map((doc) => this.parse(doc));
  }

  /**
   * Read-modify-write with optimistic concurrency: `change` gets the current value (or undefined)
   * and returns the new one, or `undefined` to leave the record as it is. On a conflict it reads
   * again and retries, so two people pressing a button at once both land, one after the other.
   */
  async update(
    pk: string,
    id: string,
    change: (current: z.infer<S> | undefined) => z.infer<S> | undefined | Promise<z.infer<S> | undefined>,
  ): Promise<Doc<z.infer<S>> | undefined> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.get(pk, id);
      const next = await change(current ? structuredClone(current.data) : undefined);
      if (next === undefined) return current;
      try {
        return current ? await this.replace(pk, id, next, current.etag) : await this.create(pk, id, next);
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    throw new StoreConflictError(this.kind, id);
  }

  private parse(doc: Doc<unknown>): Doc<z.infer<S>> {
    return { ...doc, data: this.schema.parse(doc.data) };
  }
}
