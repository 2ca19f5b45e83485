import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table'
import { InstanceHealth } from './api'
import { instanceId, millis, percent, when } from './format'
import { StatusBadge } from './StatusBadge'

interface Props {
  instances: InstanceHealth[]
  onSelect: (instance: InstanceHealth) => void
}

/** Every instance by tenant: status badge, error rate, p99, last success, last error; a row opens the drill-down. */
export const InstanceTable: React.FunctionComponent<Props> = ({ instances, onSelect }) => (
  <Table aria-label='Adapter instances' variant='compact' id='switchboard-instances'>
    <Thead>
      <Tr>
        <Th>Tenant</Th>
        <Th>Environment</Th>
        <Th>Instance</Th>
        <Th>Category</Th>
        <Th>Status</Th>
        <Th>Calls</Th>
        <Th>Error rate</Th>
        <Th>p99</Th>
        <Th>Last success</Th>
        <Th>Last error</Th>
      </Tr>
    </Thead>
    <Tbody>
      {instances.map(instance => (
        <Tr
          key={instanceId(instance)}
          isClickable
          onRowClick={() => onSelect(instance)}
          data-instance={instanceId(instance)}
        >
          <Td dataLabel='Tenant'>{instance.tenant}</Td>
          <Td dataLabel='Environment'>{instance.environment}</Td>
          <Td dataLabel='Instance'>
            <a
              href='#'
              onClick={event => {
                event.preventDefault()
                onSelect(instance)
              }}
            >
              {instance.instance}
            </a>
          </Td>
          <Td dataLabel='Category'>{instance.category}</Td>
          <Td dataLabel='Status'>
            <StatusBadge status={instance.status} />
          </Td>
          <Td dataLabel='Calls'>{instance.requests}</Td>
          <Td dataLabel='Error rate'>{percent(instance.errorRate)}</Td>
          <Td dataLabel='p99'>{millis(instance.latencyMs.p99)}</Td>
          <Td dataLabel='Last success'>{when(instance.lastSuccess)}</Td>
          <Td dataLabel='Last error'>
            {instance.lastError ? `${instance.lastError.code} (${when(instance.lastError.at)})` : '–'}
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
)
