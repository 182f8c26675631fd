// Stands in for @tensorflow/tfjs-node in the browser bundle (see
// .vitepress/config.ts): native TensorFlow cannot load in a page, so the
// runtime's dynamic import of it fails here and it falls back.
throw new Error('@tensorflow/tfjs-node is not available in the browser');
