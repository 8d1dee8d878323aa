/**
 * SVG to PNG with resvg (a Rust renderer shipped as a prebuilt binary inside its npm package, so
 * nothing is downloaded or compiled at install) and the DejaVu fonts from an npm package, with the
 * machine's own fonts switched off: a picture renders the same on every machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The family every picture's SVG uses; bundled, never looked up on the machine. */
export const FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
let fontFiles: string[] | undefined;

function fonts(): string[] {
  fontFiles ??= (() => {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
  })();
  return fontFiles;
}

/** Renders an SVG document to PNG bytes at `width` pixels wide (height follows the view box). */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  // Loaded when the first picture is made: a bot that never draws never loads the binary.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
