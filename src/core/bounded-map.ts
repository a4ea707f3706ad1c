/**
 * A Map that keeps at most `max` entries, dropping the oldest first: the
 * memos of parsed values, which a long-running caller (the language server)
 * would otherwise grow without end.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max && !this.has(key)) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
