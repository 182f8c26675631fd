// predictions.csv of a run: one row per example of each split with the
// predicted cluster, its probability and the true label when known.
import type { Predictions } from '../model/predict.js';

/** One split's predictions and (optional) true labels. */
export interface SplitPredictions {
  split: string;
  predictions: Pick<Predictions, 'labels'> & { confidence?: Float32Array };
  labels: Int32Array | null;
}

/** CSV text: `split,index,cluster,confidence,label`. */
export function predictionsCsv(splits: readonly SplitPredictions[]): string {
  const lines = ['split,index,cluster,confidence,label'];
  for (const { split, predictions, labels } of splits) {
    const { labels: clusters, confidence } = predictions;
    for (let i = 0; i < clusters.length; i++) {
      const p = confidence ? confidence[i]!.toFixed(6) : '';
      const t = labels ? String(labels[i]) : '';
      lines.push(`${split},${i},${clusters[i]},${p},${t}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
