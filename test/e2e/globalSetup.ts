import { buildFerryApiBundle, buildRenderer } from '../support/rendererBuild.ts';

/** Builds the renderer and the browser copy of buildFerryApi once per run. */
export default async function globalSetup(): Promise<void> {
  if (process.env.FERRY_E2E_SKIP_BUILD === '1') return;
  await buildRenderer();
  await buildFerryApiBundle();
}
