/**
 * The best `limit` (slot, score) pairs seen so far, best first; equal
 * scores prefer the larger tie key (the more recent ticket). A slot offered
 * again has its score updated rather than counted twice.
 */
export class TopK {
  private readonly items: { slot: number; score: number }[] = [];

  constructor(
    private readonly limit: number,
    private readonly tieKey: (slot: number) => number,
  ) {}

  /** The score to beat: the worst kept score once full, 0 before. */
  get threshold(): number {
    return this.items.length < this.limit ? 0 : (this.items[this.items.length - 1]?.score ?? 0);
  }

  offer(slot: number, score: number): void {
    if (this.limit <= 0) return;
    const existing = this.items.find((e) => e.slot === slot);
    if (existing) {
      existing.score = score;
    } else if (this.items.length < this.limit) {
      this.items.push({ slot, score });
    } else {
      const last = this.items[this.items.length - 1] as { slot: number; score: number };
      if (!this.before(slot, score, last)) return;
      last.slot = slot;
      last.score = score;
    }
    this.items.sort((a, b) => (this.before(a.slot, a.score, b) ? -1 : this.before(b.slot, b.score, a) ? 1 : 0));
  }

  entries(): { slot: number; score: number }[] {
    return this.items.map((e) => ({ ...e }));
  }

  private before(slot: number, score: number, than: { slot: number; score: number }): boolean {
    if (score !== than.score) return score > than.score;
    return this.tieKey(slot) > this.tieKey(than.slot);
  }
}

/** A max-heap of slots ordered by their score in `scores`, for visiting candidates best first. */
export class CandidateHeap {
  private heap = new Int32Array(64);
  private size = 0;

  constructor(private readonly scores: Float32Array) {}

  push(slot: number): void {
    if (this.size === this.heap.length) {
      const next = new Int32Array(this.heap.length * 2);
      next.set(this.heap);
      this.heap = next;
    }
    let i = this.size++;
    this.heap[i] = slot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(parent) >= this.key(i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The slot with the highest score, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0] ?? -1;
    this.size -= 1;
    this.heap[0] = this.heap[this.size] ?? 0;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.key(l) > this.key(m)) m = l;
      if (r < this.size && this.key(r) > this.key(m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private key(i: number): number {
    return this.scores[this.heap[i] ?? 0] ?? 0;
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a] ?? 0;
    this.heap[a] = this.heap[b] ?? 0;
    this.heap[b] = t;
  }
}
