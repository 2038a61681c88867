/** The emulator's version (package.json): in the x-emulator-version header, /_emulator/health and the first log line. */
export const EMULATOR_VERSION: string = require('../../package.json').version;

export const VERSION_HEADER = 'x-emulator-version';
