/** The emulator's version, from package.json: in the x-emulator-version header, health, --version and the first log line. */
export const VERSION: string = require('../../package.json').version;
