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

/** A built finder as data: its needles in id order, its columns and its tables (the start-up cache keeps typed arrays as they are). */
export interface FinderState {
  needles: string[];
  columns: [number, number][];
  moves: Uint16Array | Int32Array;
  outStart: Int32Array<ArrayBuffer>;
  outs: Int32Array<ArrayBuffer>;
}

export class NeedleFinder {
  /** The trie while it is built; compiled into the tables below, then dropped. */
  private nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly ids = new Map<string, number>();
  /** Per character code, its column in `moves` (-1: in no needle, back to the root). */
  private readonly columns = new Map<number, number>();
  private readonly asciiColumns = new Int32Array(128).fill(-1);
  private width = 0;
  /**
   * The automaton as one table: `moves[state * width + column]` is the next state, failure links
   * already followed. One read per character, from one compact array instead of a Map per node:
   * answering has the rest of the engine in the caches, and the Maps were mostly cache misses.
   */
  private moves: Uint16Array | Int32Array = new Uint16Array(0);
  /** The needles that end in each state: `outs[outStart[s] .. outStart[s + 1]]`. */
  private outStart = new Int32Array(1);
  private outs = new Int32Array(0);

  constructor(needles: Iterable<string>) {
    for (const needle of needles) this.add(needle);
    this.link();
    this.compile();
  }

  /** The built automaton as plain data (for the start-up cache: building it is ~65 ms of a start). */
  state(): FinderState {
    return { needles: [...this.ids.keys()], columns: [...this.columns], moves: this.moves, outStart: this.outStart, outs: this.outs };
  }

  /** A finder from its `state()`, without building the automaton again. */
  static fromState(state: FinderState): NeedleFinder {
    const finder = new NeedleFinder([]);
    finder.restore(state);
    return finder;
  }

  private restore(state: FinderState): void {
    state.needles.forEach((needle, id) => this.ids.set(needle, id));
    for (const [c, column] of state.columns) {
      this.columns.set(c, column);
      if (c < 128) this.asciiColumns[c] = column;
    }
    this.width = this.columns.size;
    this.moves = state.moves;
    this.outStart = state.outStart;
    this.outs = state.outs;
    this.nodes = [];
  }

  /** The id of a needle given to the constructor (undefined for another string). */
  id(needle: string): number | undefined {
    return this.ids.get(needle);
  }

  /** The ids of the needles that occur in `text`. */
  find(text: string): Set<number> {
    const found = new Set<number>();
    const { moves, outStart, outs, asciiColumns, columns, width } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const column = c < 128 ? asciiColumns[c] : (columns.get(c) ?? -1);
      if (column < 0) {
        state = 0;
        continue;
      }
      state = moves[state * width + column];
      for (let k = outStart[state]; k < outStart[state + 1]; k++) found.add(outs[k]);
    }
    return found;
  }

  private add(needle: string): void {
    if (!needle || this.ids.has(needle)) return;
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      if (!this.columns.has(c)) this.columns.set(c, this.columns.size);
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

  /** The trie and its failure links as one table of moves (breadth first: a failure state is done before its nodes). */
  private compile(): void {
    const nodes = this.nodes;
    const width = (this.width = this.columns.size);
    for (const [c, column] of this.columns) if (c < 128) this.asciiColumns[c] = column;
    // Two bytes a move while the states fit (a few thousand needles make some 12,000).
    const moves = nodes.length <= 0xffff ? new Uint16Array(nodes.length * width) : new Int32Array(nodes.length * width);
    // A state moves as its failure state does (whose row is done: it is nearer the root), except
    // on its own children; the root stays where no needle starts.
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const row = state * width;
      if (state !== 0) moves.copyWithin(row, nodes[state].fail * width, nodes[state].fail * width + width);
      for (const [c, child] of nodes[state].next) {
        moves[row + this.columns.get(c)!] = child;
        queue.push(child);
      }
    }
    const outStart = new Int32Array(nodes.length + 1);
    nodes.forEach((node, s) => (outStart[s + 1] = outStart[s] + node.out.length));
    const outs = new Int32Array(outStart[nodes.length]);
    nodes.forEach((node, s) => outs.set(node.out, outStart[s]));
    this.moves = moves;
    this.outStart = outStart;
    this.outs = outs;
    this.nodes = [];
  }
}
