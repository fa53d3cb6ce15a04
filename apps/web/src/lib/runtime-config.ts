export interface RuntimeConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

/** Identity-provider settings come from /config.json at run time, so one build fits every deployment. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
