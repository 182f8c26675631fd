// Renders a Vega-Lite spec to SVG text with vega's headless view: no
// canvas is needed (text widths are estimated), as in the trainer.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** SVG text of a Vega-Lite spec. */
export async function renderSvg(spec: object): Promise<string> {
  const compiled = compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
