// One implementation for the test suites and the Chroma launcher.
export { freePort } from '../../libs/vector-store/src/chroma-server';
