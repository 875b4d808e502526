import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsRegistry } from './metrics.js';
import './ops-metrics.js';

const DEPLOY = join(process.cwd(), 'deploy');

/** casework_* names a PromQL text refers to, histogram series reduced to their metric. */
function caseworkMetricsIn(text: string): string[] {
  const names = text.match(/\bcasework_[a-z_]+/g) ?? [];
  return [...new Set(names.map((name) => name.replace(/_(bucket|sum|count)$/, '')))].sort();
}

describe('alert rules and the Grafana dashboard name metrics the services export', () => {
  const exported = new Set(metricsRegistry.getMetricsAsArray().map((metric) => metric.name));

  it.each([
    ['deploy/prometheus/alerts.yml', readFileSync(join(DEPLOY, 'prometheus/alerts.yml'), 'utf8')],
    ['deploy/grafana/casework.json', readFileSync(join(DEPLOY, 'grafana/casework.json'), 'utf8')],
  ])('%s', (_file, text) => {
    const referenced = caseworkMetricsIn(text);
    expect(referenced.length).toBeGreaterThan(5);
    expect(referenced.filter((name) => !exported.has(name))).toEqual([]);
  });
});
