/**
 * CHROMA_URL as the caller gave it, read before anything else is loaded: the config module, which several
 * tasks pull in, fills process.env with its defaults, and an unset CHROMA_URL is what tells retrieve to
 * start its own Chroma server. Imported first by eval.main.ts.
 */
export const GIVEN_CHROMA_URL = process.env.CHROMA_URL;
