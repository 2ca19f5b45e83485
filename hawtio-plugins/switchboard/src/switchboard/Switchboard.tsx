import { PageSection, Text, TextContent, Title } from '@patternfly/react-core'
import { useEffect, useMemo, useState } from 'react'
import { api, Caller, HealthAnswer, InstanceHealth } from './api'
import { Filters, FilterValues } from './Filters'
import { instanceId } from './format'
import { InstanceDetail } from './InstanceDetail'
import { InstanceTable } from './InstanceTable'

const REFRESH_MS = 5000
const distinct = (values: string[]): string[] => [...new Set(values)].sort()

/** The Switchboard page: every adapter instance the caller sees, filtered, refreshed; a row opens its drill-down. */
export const Switchboard: React.FunctionComponent = () => {
  const [caller, setCaller] = useState<Caller | null>(null)
  const [answer, setAnswer] = useState<HealthAnswer | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [filters, setFilters] = useState<FilterValues>({ tenant: '', category: '', status: '' })
  const [selected, setSelected] = useState<InstanceHealth | null>(null)

  useEffect(() => {
    api.me().then(setCaller, () => setCaller(null))
    const load = () =>
      api.health().then(
        found => {
          setAnswer(found)
          setProblem(null)
        },
        e => setProblem(String(e)),
      )
    load()
    const timer = window.setInterval(load, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [])

  const instances = answer?.instances ?? []
  const shown = useMemo(
    () =>
      instances.filter(
        i =>
          (!filters.tenant || i.tenant === filters.tenant) &&
          (!filters.category || i.category === filters.category) &&
          (!filters.status || i.status === filters.status),
      ),
    [instances, filters],
  )

  if (selected) {
    const fresh = instances.find(i => instanceId(i) === instanceId(selected)) ?? selected
    return (
      <PageSection>
        <InstanceDetail selected={fresh} caller={caller} onBack={() => setSelected(null)} />
      </PageSection>
    )
  }
  return (
    <PageSection>
      <Title headingLevel='h1'>Switchboard</Title>
      <TextContent>
        <Text id='switchboard-summary'>
          {answer
            ? `${answer.counts.DOWN} down, ${answer.counts.DEGRADED} degraded, ${answer.counts.UP} up, ` +
              `${answer.counts.UNKNOWN} unknown` +
              (caller ? ` — signed in as ${caller.name} (${caller.roles.join(', ')})` : '')
            : 'Loading adapter health…'}
        </Text>
        {problem && <Text role='alert'>Adapter health is unavailable: {problem}</Text>}
      </TextContent>
      <Filters
        values={filters}
        tenants={distinct(instances.map(i => i.tenant))}
        categories={distinct(instances.map(i => i.category))}
        onChange={setFilters}
      />
      <InstanceTable instances={shown} onSelect={setSelected} />
    </PageSection>
  )
}
