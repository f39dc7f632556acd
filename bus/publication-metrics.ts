/**
 * Statute 12.6 deadlines as Prometheus gauges, computed when /metrics is scraped: how many signed
 * decisions are not yet published and pending, due soon (inside PUBLICATION_WARN_DAYS) or overdue,
 * and how many were published late. The list behind the numbers is the operator's
 * POST /api/v1/ops/publication-deadlines.
 */
import { Gauge, type Registry } from 'prom-client';
import { deadlineCounts, SIGNED_DECISIONS_SQL } from '../core/publication';
import type { Db } from '../core/store/db';

export function registerPublicationGauges(registry: Registry, db: Db, warnDays: number, now: () => Date = () => new Date()): void {
  new Gauge({
    name: 'court_hub_publications',
    help: 'Signed decisions by publication deadline state (statute 12.6: published within one month of adoption)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const counts = await deadlineCounts(db, SIGNED_DECISIONS_SQL, now(), warnDays);
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
}
