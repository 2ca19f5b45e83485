// The hub's admin API as the Switchboard reads it. The plugin is served from <hub>/switchboard/, so the API is the
// sibling path: derived from where webpack loaded this bundle (publicPath 'auto'), which keeps a context path.
declare let __webpack_public_path__: string

export type Status = 'UNKNOWN' | 'UP' | 'DEGRADED' | 'DOWN'

export interface InstanceHealth {
  tenant: string
  environment: string
  instance: string
  category: string
  status: Status
  requests: number
  errors: number
  errorRate: number
  denials: number
  latencyMs: { p50: number | null; p95: number | null; p99: number | null }
  lastSuccess: string | null
  lastError: { code: string; at: string } | null
  impactedWorkflows: string[]
  /** In the one-instance view of a payments instance: its tenant's billing sync status. */
  billing?: BillingStatus | null
}

/** GET /api/tenants/{t}/billing/status, as the instance view embeds it. */
export interface BillingStatus {
  tenant: string
  period: string | null
  outcome: 'NOT_SYNCED' | 'INVOICED' | 'FAILED' | 'IN_PROGRESS'
  state: string | null
  lastSyncAt: string | null
  errorCode: string | null
  attempts: number | null
  usageTotal: number | null
  invoiceId: string | null
}

export interface HealthAnswer {
  generatedAt: string
  counts: Record<Status, number>
  instances: InstanceHealth[]
}

export interface Alert {
  id: string
  tenant: string
  environment: string
  instance: string
  category: string
  severity: string
  state: 'FIRING' | 'RESOLVED'
  reason: string
  lastErrorCode: string | null
  firedAt: string
  resolvedAt: string | null
  acknowledgedBy: string | null
}

export interface Caller {
  name: string
  roles: string[]
  allTenants: boolean
}

export interface Receipt {
  id: string
  seq: number
  environment: string
  actor: string
  timestamp: string
  action: string
  instance: string | null
}

export interface ResidencyDenial {
  environment: string
  instance: string
  action: string
  decisionId: string
  code: string
  deniedAt: string
}

/** What an instance runs: its adapter definition and version (GET .../adapters/{instance}). */
export interface InstanceDefinition {
  definition: string
  definitionVersion: string
}

/** A partner adapter that passed review (GET /api/marketplace); review details only for people of every tenant. */
export interface MarketplaceListing {
  name: string
  version: string
  badge: 'certified' | 'marketplace-ready'
  riskRating: string
  dualControl: boolean
  review?: {
    approvals: number
    reviewedBy: string | null
    reviewedAt: string
  }
}

const apiBase = (): string => __webpack_public_path__.replace(/switchboard\/?$/, '') + 'api'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`)
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(apiBase() + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    ...init,
  })
  if (!response.ok) {
    let code = 'HTTP_' + response.status
    try {
      code = (await response.json()).code ?? code
    } catch {
      // not a problem document
    }
    throw new ApiError(response.status, code)
  }
  return response.json() as Promise<T>
}

const segment = encodeURIComponent

export const api = {
  me: () => call<Caller>('/me'),
  health: () => call<HealthAnswer>('/health/adapters'),
  instance: (t: string, e: string, i: string) =>
    call<InstanceHealth>(`/tenants/${segment(t)}/environments/${segment(e)}/health/adapters/${segment(i)}`),
  alerts: (state: 'firing' | 'all') => call<Alert[]>(`/alerts?state=${state}`),
  acknowledge: (id: string) => call<Alert>(`/alerts/${segment(id)}/acknowledge`, { method: 'POST', body: '{}' }),
  // the tenant's newest 500, newest first (the drill-down shows the instance's latest few)
  receipts: (t: string) => call<Receipt[]>(`/tenants/${segment(t)}/receipts?limit=500&order=newest`),
  denials: (t: string) => call<ResidencyDenial[]>(`/tenants/${segment(t)}/residency/denials`),
  definition: (t: string, e: string, i: string) =>
    call<InstanceDefinition>(`/tenants/${segment(t)}/environments/${segment(e)}/adapters/${segment(i)}`),
  marketplace: () => call<MarketplaceListing[]>('/marketplace'),
}

/** Whether the caller may act (acknowledge alerts): operator or admin. A viewer sees the same, without actions. */
export const mayAct = (caller: Caller | null): boolean =>
  caller !== null && caller.roles.some(role => role === 'operator' || role === 'admin')
