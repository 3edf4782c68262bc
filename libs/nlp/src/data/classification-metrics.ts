/** Accuracy and macro-averaged F1 over the gold labels, plus recall of each label. */
export function classificationMetrics(gold: string[], predicted: string[]) {
  const labels = [...new Set(gold)];
  let correct = 0;
  const truePositives = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  gold.forEach((label, i) => {
    goldCount.set(label, (goldCount.get(label) ?? 0) + 1);
    predictedCount.set(predicted[i], (predictedCount.get(predicted[i]) ?? 0) + 1);
    if (label === predicted[i]) {
      correct++;
      truePositives.set(label, (truePositives.get(label) ?? 0) + 1);
    }
  });
  const recall: Record<string, number> = {};
  const f1s = labels.map((label) => {
    const tp = truePositives.get(label) ?? 0;
    const precision = tp / (predictedCount.get(label) || 1);
    recall[label] = tp / (goldCount.get(label) || 1);
    return precision + recall[label] === 0 ? 0 : (2 * precision * recall[label]) / (precision + recall[label]);
  });
  return { accuracy: correct / gold.length, macroF1: f1s.reduce((sum, f1) => sum + f1, 0) / labels.length, recall, labels: labels.length };
}
