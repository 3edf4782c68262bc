/** What the embedded chat tells the page that framed it: it loaded (so framing was allowed). No conversation data ever. */
export const EMBED_READY_MESSAGE = 'smartdesk:assistant-ready';
