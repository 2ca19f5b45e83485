import {
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core'
import { useCallback, useEffect, useState } from 'react'
import { Alert, api, Caller, InstanceHealth, mayAct, Receipt, ResidencyDenial } from './api'
import { millis, percent, when } from './format'
import { StatusBadge } from './StatusBadge'
import { CertificationBadge } from './CertificationBadge'

interface Props {
  selected: InstanceHealth
  caller: Caller | null
  onBack: () => void
}

const SHOWN = 5

/** Terms and values, one row each. */
const Facts: React.FunctionComponent<{ rows: [string, string][] }> = ({ rows }) => (
  <DescriptionList isHorizontal isCompact>
    {rows.map(([term, value]) => (
      <DescriptionListGroup key={term}>
        <DescriptionListTerm>{term}</DescriptionListTerm>
        <DescriptionListDescription>{value}</DescriptionListDescription>
      </DescriptionListGroup>
    ))}
  </DescriptionList>
)

/** A card of a few recent items; null items: the caller may not read them (or the hub could not say). */
function RecentCard<T>(props: { title: string; items: T[] | null; render: (item: T) => React.ReactNode }) {
  const { title, items, render } = props
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      <CardBody>{items === null ? 'Not available.' : items.length === 0 ? 'None.' : items.map(render)}</CardBody>
    </Card>
  )
}

/**
 * One instance: its figures, last error, impacted workflows, its tenant's billing sync (payments instances), alerts
 * (acknowledge for operators), denials, the latest receipts.
 */
export const InstanceDetail: React.FunctionComponent<Props> = ({ selected, caller, onBack }) => {
  const [health, setHealth] = useState<InstanceHealth>(selected)
  const [alerts, setAlerts] = useState<Alert[]>([])
  const [receipts, setReceipts] = useState<Receipt[] | null>(null)
  const [denials, setDenials] = useState<ResidencyDenial[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { tenant, environment, instance } = selected
  const mine = useCallback(
    (item: { environment: string; instance: string | null }) =>
      item.environment === environment && item.instance === instance,
    [environment, instance],
  )

  const load = useCallback(() => {
    api.instance(tenant, environment, instance).then(setHealth, e => setProblem(String(e)))
    api.alerts('all').then(all => setAlerts(all.filter(a => a.tenant === tenant && mine(a))), () => setAlerts([]))
    api.receipts(tenant).then(all => setReceipts(all.filter(mine).slice(0, SHOWN)), () => setReceipts(null))
    api.denials(tenant).then(all => setDenials(all.filter(mine).slice(0, SHOWN)), () => setDenials(null))
  }, [tenant, environment, instance, mine])

  useEffect(load, [load])

  const acknowledge = (id: string) => api.acknowledge(id).then(load, e => setProblem(String(e)))

  return (
    <div id='switchboard-detail'>
      <Button variant='link' onClick={onBack} id='switchboard-back'>
        ← All instances
      </Button>
      <Title headingLevel='h2'>
        {tenant}/{environment}/{instance} <StatusBadge status={health.status} />{' '}
        <CertificationBadge tenant={tenant} environment={environment} instance={instance} />
      </Title>
      {problem && <p role='alert'>{problem}</p>}
      <Grid hasGutter>
        <GridItem span={6}>
          <Card>
            <CardTitle>Metrics (recent window, whole cluster)</CardTitle>
            <CardBody>
              <Facts
                rows={[
                  ['Category', health.category],
                  ['Calls', String(health.requests)],
                  ['Errors', String(health.errors)],
                  ['Error rate', percent(health.errorRate)],
                  ['Policy denials', String(health.denials)],
                  ['Latency p50 / p95 / p99', [health.latencyMs.p50, health.latencyMs.p95, health.latencyMs.p99].map(millis).join(' / ')],
                  ['Last success', when(health.lastSuccess)],
                  ['Last error', health.lastError ? `${health.lastError.code} at ${when(health.lastError.at)}` : '–'],
                ]}
              />
            </CardBody>
          </Card>
        </GridItem>
        <GridItem span={6}>
          <Card id='switchboard-impacted'>
            <CardTitle>Impacted workflows</CardTitle>
            <CardBody>
              {health.impactedWorkflows.length === 0 ? (
                'No loaded route uses this instance.'
              ) : (
                <List>
                  {health.impactedWorkflows.map(route => (
                    <ListItem key={route}>{route}</ListItem>
                  ))}
                </List>
              )}
            </CardBody>
          </Card>
        </GridItem>
        {health.billing && (
          <GridItem span={12}>
            <Card id='switchboard-billing'>
              <CardTitle>Billing sync (tenant {tenant})</CardTitle>
              <CardBody>
                <Facts
                  rows={[
                    ['Outcome', health.billing.outcome],
                    ['Period', health.billing.period ?? '–'],
                    ['Step reached', health.billing.state ?? '–'],
                    ['Last sync', when(health.billing.lastSyncAt)],
                    ['Error code', health.billing.errorCode ?? '–'],
                    ['Attempts', health.billing.attempts === null ? '–' : String(health.billing.attempts)],
                    ['Usage total', health.billing.usageTotal === null ? '–' : String(health.billing.usageTotal)],
                    ['Invoice', health.billing.invoiceId ?? '–'],
                  ]}
                />
              </CardBody>
            </Card>
          </GridItem>
        )}
        <GridItem span={12}>
          <Card id='switchboard-alerts'>
            <CardTitle>Alerts</CardTitle>
            <CardBody>
              {alerts.length === 0
                ? 'None.'
                : alerts.map(alert => (
                    <p key={alert.id}>
                      <strong>{alert.state}</strong> {alert.severity} since {when(alert.firedAt)}: {alert.reason}
                      {alert.acknowledgedBy && ` (acknowledged by ${alert.acknowledgedBy})`}{' '}
                      {alert.state === 'FIRING' && !alert.acknowledgedBy && mayAct(caller) && (
                        <Button size='sm' variant='secondary' onClick={() => acknowledge(alert.id)}>
                          Acknowledge
                        </Button>
                      )}
                    </p>
                  ))}
            </CardBody>
          </Card>
        </GridItem>
        <GridItem span={6}>
          <RecentCard
            title='Recent policy denials'
            items={denials}
            render={d => (
              <p key={d.decisionId}>
                {when(d.deniedAt)} {d.action}: {d.code} (decision {d.decisionId})
              </p>
            )}
          />
        </GridItem>
        <GridItem span={6}>
          <RecentCard
            title='Recent receipts'
            items={receipts}
            render={r => (
              <p key={r.id}>
                #{r.seq} {when(r.timestamp)} {r.action} by {r.actor}
              </p>
            )}
          />
        </GridItem>
      </Grid>
    </div>
  )
}
