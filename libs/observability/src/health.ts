import { Controller, Get, Inject, Injectable, type DynamicModule, type Type } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { MetricsController } from './metrics.js';

export const HEALTH_DATA_SOURCE = Symbol('HEALTH_DATA_SOURCE');
export const HEALTH_NATS = Symbol('HEALTH_NATS');

/** Postgres and NATS must both answer for a service to call itself healthy. */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HEALTH_NATS) private readonly natsHolder: { connection(): NatsConnection | null },
  ) {}

  async postgres() {
    const check = this.indicators.check('postgres');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  async nats() {
    const check = this.indicators.check('nats');
    const nc = this.natsHolder.connection();
    try {
      if (!nc || nc.isClosed()) throw new Error('not connected');
      const rtt = await withTimeout(nc.rtt(), 2000);
      return check.up({ rttMs: rtt });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyHealth,
  ) {}

  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([() => this.dependencies.postgres(), () => this.dependencies.nats()]);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/**
 * /health and /metrics for a service. `dataSource` and `nats` name the providers (from the
 * database and messaging modules) the checks use.
 */
export class ObservabilityModule {
  static register(options: { dataSource: Type | symbol | string; nats: Type | symbol | string; imports: DynamicModule['imports'] }): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController, MetricsController],
      providers: [
        DependencyHealth,
        { provide: HEALTH_DATA_SOURCE, useExisting: options.dataSource },
        { provide: HEALTH_NATS, useExisting: options.nats },
      ],
    };
  }
}
