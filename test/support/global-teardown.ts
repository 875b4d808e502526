/** Drops the template database global setup made for this run, and no other run's. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.caseworkTemplateDatabase?.drop();
  globalThis.caseworkTemplateDatabase = undefined;
}
