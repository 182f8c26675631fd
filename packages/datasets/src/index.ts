// Public API of @cce/datasets for Node: everything in `./browser` plus the
// loaders that read files (MNIST, Fashion-MNIST, CIFAR, STL-10, features),
// gzip IDX reading and CSV parsing.
export * from './browser.js';
export { type Cifar10Options, loadCifar10 } from './loaders/load-cifar10.js';
export { type Cifar100Options, loadCifar100 } from './loaders/load-cifar100.js';
export {
  type FashionMnistOptions,
  loadFashionMnist,
} from './loaders/load-fashion-mnist.js';
export {
  type LoadFeaturesOptions,
  loadFeatures,
} from './loaders/load-features.js';
export { loadMnist, type MnistOptions } from './loaders/load-mnist.js';
export {
  loadStl10,
  STL10_MAX_IMAGES_PER_CALL,
  type Stl10Options,
} from './loaders/load-stl10.js';
export {
  type CsvFeatureOptions,
  parseCsvFeatures,
} from './readers/parse-csv-features.js';
export {
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  type ReadIdxOptions,
  readIdx,
} from './readers/read-idx.js';
