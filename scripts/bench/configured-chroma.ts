import { config as loadDotenv } from 'dotenv';

/**
 * CHROMA_URL as the user set it (environment or .env), read before anything loads @smartdesk/config:
 * that module's ConfigModule.forRoot fills process.env with every default when it is imported, which
 * would hide whether CHROMA_URL was set at all. bench.main imports this module first.
 */
loadDotenv({ quiet: true });
export const CONFIGURED_CHROMA_URL = process.env.CHROMA_URL;
