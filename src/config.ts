/**
 * Configuration from the environment, overridden by command-line flags.
 *   DATABASE_URL      PostgreSQL connection string; without it the embedded store is used
 *   STAPEL_DATA_DIR   folder of the embedded store (default ./data)
 *   PORT              HTTP port (default 3000)
 *   STAPEL_HOST       address to listen on (default 127.0.0.1)
 *   STAPEL_OSV_URL    OSV API for vulnerability syncs (default https://api.osv.dev)
 */
import { OSV_API_URL } from './ingest/osv/osv-client.js';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  osvUrl: string;
}

export interface ConfigFlags {
  databaseUrl?: string;
  dataDir?: string;
  port?: string | number;
  host?: string;
  osvUrl?: string;
}

export function resolveConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(flags.port ?? env.PORT ?? env.STAPEL_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port "${flags.port ?? env.PORT}": use a number from 0 to 65535`);
  const databaseUrl = flags.databaseUrl ?? (env.DATABASE_URL || undefined);
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    dataDir: flags.dataDir ?? env.STAPEL_DATA_DIR ?? './data',
    port,
    host: flags.host ?? env.STAPEL_HOST ?? '127.0.0.1',
    osvUrl: flags.osvUrl ?? env.STAPEL_OSV_URL ?? OSV_API_URL,
  };
}
