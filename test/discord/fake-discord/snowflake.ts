/** Discord-shaped ids: milliseconds since 2015 shifted left 22 bits, plus a counter, so they sort by time. */
const EPOCH = 1420070400000n;
let counter = 0n;

export function snowflake(): string {
  counter = (counter + 1n) & 0x3fffffn;
  return ((BigInt(Date.now()) - EPOCH) << 22n | counter).toString();
}
