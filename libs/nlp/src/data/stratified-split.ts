/** Every k-th example of each label goes to the hold-out; labels too small to spare one keep all. */
export function stratifiedSplit<T extends { label: string }>(examples: T[], fraction: number): { train: T[]; holdout: T[] } {
  const every = Math.round(1 / fraction);
  const seen = new Map<string, number>();
  const perLabel = new Map<string, number>();
  for (const example of examples) perLabel.set(example.label, (perLabel.get(example.label) ?? 0) + 1);
  const train: T[] = [];
  const holdout: T[] = [];
  for (const example of examples) {
    const index = seen.get(example.label) ?? 0;
    seen.set(example.label, index + 1);
    const spare = perLabel.get(example.label)! >= every;
    (spare && index % every === every - 1 ? holdout : train).push(example);
  }
  return { train, holdout };
}
