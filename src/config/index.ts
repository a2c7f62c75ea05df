export { resolveRunOptions, unknownVariables } from './resolve.js';
export {
  DEFAULTS,
  SETTINGS,
  DEFAULT_CONFIG_FILE,
  type RunOptions,
  type Setting,
} from './options.js';
