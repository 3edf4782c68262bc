import { Client } from 'pg';

/** A small pg client for asserting what a suite's database holds (one connection per suite). */
export class Db {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<Db> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new Db(client);
  }

  async rows<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.rows<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row.n);
  }

  async tables(): Promise<string[]> {
    const rows = await this.rows<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    return rows.map((row) => row.table_name);
  }

  end(): Promise<void> {
    return this.client.end();
  }
}
