/**
 * Which of many literal strings occur in a text, in one pass over the text (Aho–Corasick): the
 * refusal rules' needles (needles.ts) are a few thousand strings, and checking each with
 * `includes` for every question cost more than the rules it spared.
 */
interface Node {
  next: Map<number, number>;
  fail: number;
  /** Ids of the needles that end here (through the failure links too). */
  out: number[];
}

export class NeedleFinder {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly ids = new Map<string, number>();

  constructor(needles: Iterable<string>) {
    for (const needle of needles) this.add(needle);
    this.link();
  }

  /** The id of a needle given to the constructor (undefined for another string). */
  id(needle: string): number | undefined {
    return this.ids.get(needle);
  }

  /** The ids of the needles that occur in `text`. */
  find(text: string): Set<number> {
    const found = new Set<number>();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !this.nodes[state].next.has(c)) state = this.nodes[state].fail;
      state = this.nodes[state].next.get(c) ?? 0;
      for (const id of this.nodes[state].out) found.add(id);
    }
    return found;
  }

  private add(needle: string): void {
    if (!needle || this.ids.has(needle)) return;
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let next = this.nodes[state].next.get(c);
      if (next === undefined) {
        next = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
        this.nodes[state].next.set(c, next);
      }
      state = next;
    }
    const id = this.ids.size;
    this.ids.set(needle, id);
    this.nodes[state].out.push(id);
  }

  /** Failure links, breadth first: the longest proper suffix of a node's string that is in the trie. */
  private link(): void {
    const queue: number[] = [...this.nodes[0].next.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [c, child] of this.nodes[state].next) {
        let fail = this.nodes[state].fail;
        while (fail !== 0 && !this.nodes[fail].next.has(c)) fail = this.nodes[fail].fail;
        const target = this.nodes[fail].next.get(c);
        this.nodes[child].fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child].out.push(...this.nodes[this.nodes[child].fail].out);
        queue.push(child);
      }
    }
  }
}
