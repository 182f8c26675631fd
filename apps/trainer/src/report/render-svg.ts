// Renders a Vega-Lite spec to an SVG string with vega's headless view (no
// canvas needed: text is measured by estimate).
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** SVG text of a Vega-Lite spec. */
export async function renderSvg(
  spec: Record<string, unknown>,
): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
