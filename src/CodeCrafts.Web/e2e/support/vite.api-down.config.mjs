// The web app's own Vite configuration with a cache of its own, for a second dev server run beside the stack's.
import { mergeConfig } from 'vite';
import appConfig from '../../vite.config.ts';

export default mergeConfig(appConfig, { cacheDir: 'node_modules/.vite-api-down' });
