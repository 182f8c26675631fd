// Test setup: initialise TensorFlow.js through @cce/runtime (plain JS
// backend, every gradient registered) before each test file runs.
import { initRuntime } from '@cce/runtime';

await initRuntime({ backend: 'cpu', seed: 0 });
