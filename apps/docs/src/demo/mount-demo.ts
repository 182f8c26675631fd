// Builds the demo's controls, canvas and readout inside a container and runs
// the training loop with requestAnimationFrame. Mounted by pages/demo.md on
// the client only; the readout carries data-* attributes for the e2e test.
import { chooseBackend } from './choose-backend.js';
import { DemoSession, type DemoSnapshot } from './demo-session.js';
import { drawScene, GRID_RESOLUTION, PALETTE } from './render.js';
import {
  clampSetting,
  type DemoSettings,
  effectiveClasses,
  parseSettings,
  RANGES,
} from './settings.js';

/** Milliseconds of training per animation frame before redrawing. */
const FRAME_BUDGET_MS = 40;

type State = 'loading' | 'running' | 'paused' | 'done' | 'error';

/** Handle of a mounted demo. */
export interface MountedDemo {
  dispose(): void;
}

/**
 * Renders the demo into `root` with settings from `query` (the page's
 * `location.search`; `autostart=0` waits for the Run button,
 * `backend=cpu` skips WebGL).
 */
export async function mountDemo(
  root: HTMLElement,
  query: string,
): Promise<MountedDemo> {
  let settings = parseSettings(query);
  const params = new URLSearchParams(query);
  const ui = buildUi(root, settings);
  let session: DemoSession | undefined;
  let state: State = 'loading';
  let frame = 0;
  let disposed = false;

  const setState = (next: State, text?: string): void => {
    state = next;
    ui.status.dataset.state = next;
    ui.status.textContent = text ?? next;
    ui.run.disabled = next === 'running' || next === 'loading';
    ui.pause.disabled = next !== 'running';
  };
  const show = (snap: DemoSnapshot): void => {
    ui.accuracy.textContent = snap.accuracy.toFixed(3);
    ui.accuracy.dataset.value = String(snap.accuracy);
    ui.accuracyLabel.textContent = snap.accuracyLabel;
    ui.step.textContent = `${snap.step} / ${settings.maxSteps}`;
    ui.step.dataset.value = String(snap.step);
    ui.loss.textContent = Number.isFinite(snap.loss)
      ? snap.loss.toFixed(4)
      : '–';
    ui.sizes.replaceChildren(...sizeChips(snap.targetSizes));
    if (session) {
      drawScene(
        ui.canvas,
        session.data,
        session.predictGrid(GRID_RESOLUTION),
        snap.targets,
      );
    }
  };
  const loop = (): void => {
    if (disposed || state !== 'running' || !session) return;
    const started = performance.now();
    do session.step();
    while (!session.done && performance.now() - started < FRAME_BUDGET_MS);
    const snap = session.snapshot();
    show(snap);
    if (snap.done) setState('done', `done after ${snap.step} steps`);
    else frame = requestAnimationFrame(loop);
  };
  const start = (): void => {
    if (!session || session.done) reset();
    setState('running');
    frame = requestAnimationFrame(loop);
  };
  const reset = (): void => {
    cancelAnimationFrame(frame);
    session?.dispose();
    session = new DemoSession(settings);
    show(session.snapshot());
    setState('paused', 'ready');
  };
  const guarded = (action: () => void) => (): void => {
    try {
      action();
    } catch (error) {
      fail(error);
    }
  };
  const fail = (error: unknown): void => {
    setState('error', `error: ${(error as Error)?.message ?? error}`);
    console.error(error);
  };

  try {
    const backend = await chooseBackend(params.get('backend') === 'cpu');
    ui.backend.textContent = `${backend.name} (${backend.reason})`;
    ui.backend.dataset.value = backend.name;
    reset();
  } catch (error) {
    fail(error);
    return { dispose: () => undefined };
  }

  ui.onChange((next) => {
    const wasRunning = state === 'running';
    settings = next;
    guarded(reset)();
    if (wasRunning) guarded(start)();
  });
  ui.run.addEventListener('click', guarded(start));
  ui.pause.addEventListener('click', () => {
    cancelAnimationFrame(frame);
    setState('paused');
  });
  ui.reset.addEventListener('click', guarded(reset));
  if (params.get('autostart') !== '0') guarded(start)();

  return {
    dispose: () => {
      disposed = true;
      cancelAnimationFrame(frame);
      session?.dispose();
      root.replaceChildren();
    },
  };
}

interface Ui {
  canvas: HTMLCanvasElement;
  accuracy: HTMLElement;
  accuracyLabel: HTMLElement;
  step: HTMLElement;
  loss: HTMLElement;
  sizes: HTMLElement;
  backend: HTMLElement;
  status: HTMLElement;
  run: HTMLButtonElement;
  pause: HTMLButtonElement;
  reset: HTMLButtonElement;
  onChange(listener: (settings: DemoSettings) => void): void;
}

function buildUi(root: HTMLElement, initial: DemoSettings): Ui {
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Record<string, string> = {},
    ...children: (Node | string)[]
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  const select = (name: string, options: [string, string][], value: string) =>
    el(
      'select',
      { name, id: `demo-${name}` },
      ...options.map(([v, text]) =>
        el(
          'option',
          v === value ? { value: v, selected: '' } : { value: v },
          text,
        ),
      ),
    );
  const valueText = (name: keyof typeof RANGES, value: number) =>
    el(
      'span',
      { class: 'cce-demo-value', id: `demo-${name}-value` },
      String(value),
    );
  const range = (name: keyof typeof RANGES, value: number) => {
    const { min, max, step } = RANGES[name];
    const upper = name === 'lambda' ? 4 : max; // the slider's useful range
    return el('input', {
      type: 'range',
      name,
      id: `demo-${name}`,
      min: String(min),
      max: String(upper),
      step: String(step),
      value: String(value),
    });
  };

  const controls = {
    dataset: select(
      'dataset',
      [
        ['mixture', 'Gaussian mixture'],
        ['moons', 'Two moons'],
      ],
      initial.dataset,
    ),
    mode: select(
      'mode',
      [
        ['cluster', 'Clustering (self-labeling, no labels)'],
        ['supervised', 'Supervised, noisy soft labels'],
      ],
      initial.mode,
    ),
    loss: select(
      'loss',
      [
        ['collision', 'Collision cross-entropy H₂(y, σ)'],
        ['shannon', 'Shannon cross-entropy H(y, σ)'],
      ],
      initial.loss,
    ),
    numClasses: range('numClasses', initial.numClasses),
    lambda: range('lambda', initial.lambda),
    eta: range('eta', initial.eta),
    seed: el('input', {
      type: 'number',
      name: 'seed',
      id: 'demo-seed',
      min: '0',
      max: String(RANGES.seed.max),
      value: String(initial.seed),
    }),
  };
  const values = {
    numClasses: valueText('numClasses', initial.numClasses),
    lambda: valueText('lambda', initial.lambda),
    eta: valueText('eta', initial.eta),
  };
  const run = el('button', { type: 'button', id: 'demo-run' }, 'Run');
  const pause = el('button', { type: 'button', id: 'demo-pause' }, 'Pause');
  const reset = el('button', { type: 'button', id: 'demo-reset' }, 'Reset');
  const form = el(
    'form',
    { class: 'cce-demo-controls', autocomplete: 'off' },
    el('label', {}, 'Data', controls.dataset),
    el('label', {}, 'Task', controls.mode),
    el('label', {}, 'Loss of the network', controls.loss),
    el(
      'label',
      { id: 'demo-k-label' },
      el('span', {}, 'Clusters K ', values.numClasses),
      controls.numClasses,
    ),
    el(
      'label',
      { id: 'demo-lambda-label' },
      el('span', {}, 'Fairness weight λ ', values.lambda),
      controls.lambda,
    ),
    el(
      'label',
      { id: 'demo-eta-label' },
      el('span', {}, 'Label noise η ', values.eta),
      controls.eta,
    ),
    el('label', {}, 'Seed', controls.seed),
    el('div', { class: 'cce-demo-buttons' }, run, pause, reset),
  );

  const canvas = el('canvas', {
    id: 'demo-canvas',
    class: 'cce-demo-canvas',
    width: '480',
    height: '480',
    'aria-label': 'decision regions and (pseudo-)labels of the toy data',
  });
  const accuracy = el('strong', { id: 'demo-accuracy' }, '–');
  const accuracyLabel = el('span', { id: 'demo-accuracy-label' }, 'accuracy');
  const step = el('span', { id: 'demo-step' }, '0');
  const loss = el('span', { id: 'demo-loss' }, '–');
  const sizes = el('span', { id: 'demo-sizes' });
  const backend = el('span', { id: 'demo-backend' }, 'loading…');
  const status = el(
    'div',
    { id: 'demo-status', 'data-state': 'loading' },
    'loading…',
  );
  const readout = el(
    'div',
    { class: 'cce-demo-readout' },
    el('div', {}, accuracyLabel, ': ', accuracy),
    el('div', {}, 'step ', step, ' · loss ', loss),
    el('div', {}, 'points per (pseudo-)label: ', sizes),
    el('div', {}, 'backend: ', backend),
    status,
  );
  root.replaceChildren(
    el('div', { class: 'cce-demo' }, form, el('div', {}, canvas, readout)),
  );

  const read = (): DemoSettings => ({
    ...initial,
    dataset: controls.dataset.value as DemoSettings['dataset'],
    mode: controls.mode.value as DemoSettings['mode'],
    loss: controls.loss.value as DemoSettings['loss'],
    numClasses: clampSetting('numClasses', Number(controls.numClasses.value)),
    lambda: clampSetting('lambda', Number(controls.lambda.value)),
    eta: clampSetting('eta', Number(controls.eta.value)),
    seed: clampSetting('seed', Number(controls.seed.value)),
  });
  const sync = (settings: DemoSettings): void => {
    values.numClasses.textContent = String(effectiveClasses(settings));
    values.lambda.textContent = settings.lambda.toFixed(2);
    values.eta.textContent = settings.eta.toFixed(2);
    controls.numClasses.disabled = settings.dataset === 'moons';
    controls.lambda.disabled = settings.mode !== 'cluster';
    controls.eta.disabled = settings.mode !== 'supervised';
  };
  sync(initial);

  return {
    canvas,
    accuracy,
    accuracyLabel,
    step,
    loss,
    sizes,
    backend,
    status,
    run,
    pause,
    reset,
    onChange: (listener) => {
      form.addEventListener('change', () => {
        const settings = read();
        sync(settings);
        listener(settings);
      });
      form.addEventListener('input', () => sync(read()));
      form.addEventListener('submit', (event) => event.preventDefault());
    },
  };
}

function sizeChips(sizes: number[]): HTMLElement[] {
  return sizes.map((size, c) => {
    const chip = document.createElement('span');
    const [r, g, b] = PALETTE[c % PALETTE.length]!;
    chip.style.color = `rgb(${r}, ${g}, ${b})`;
    chip.style.marginRight = '8px';
    chip.textContent = `■ ${size}`;
    return chip;
  });
}
