// Bundles the browser app with esbuild and copies the static files next to it.
// Usage: node build.mjs [--outdir DIR]   (default: target/classes/dashboard, where Maven puts it too)
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const STATIC_FILES = ['index.html', 'styles.css'];

export async function buildDashboard(outdir) {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'src/main.js')],
    outfile: path.join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: ['chrome111', 'firefox120', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await Promise.all(STATIC_FILES.map(file => copyFile(path.join(here, file), path.join(outdir, file))));
}

function outdirFromArgs(args) {
  const index = args.indexOf('--outdir');
  return index >= 0 && args[index + 1] ? path.resolve(args[index + 1]) : path.join(here, 'target/classes/dashboard');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = outdirFromArgs(process.argv.slice(2));
  await buildDashboard(outdir);
  console.log(`dashboard bundled into ${outdir}`);
}
