// Ordered parts of a meeting (agenda items, points to make, participants) move by rewriting `position` for
// those whose place changed, in one `put` (one transaction).
export function moved<T extends { id: string; position: number }>(
  items: T[],
  index: number,
  delta: -1 | 1,
): { id: string; position: number }[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [];
  const order = [...items];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order
    .map((item, i) => ({ id: item.id, position: i + 1, was: item.position }))
    .filter((item) => item.position !== item.was)
    .map(({ id, position }) => ({ id, position }));
}

export function nextPosition(items: { position: number }[]): number {
  return items.reduce((max, item) => Math.max(max, item.position), 0) + 1;
}
