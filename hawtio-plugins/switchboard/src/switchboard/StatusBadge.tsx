import { Label } from '@patternfly/react-core'
import { Status } from './api'

const COLORS: Record<Status, 'green' | 'orange' | 'red' | 'grey'> = {
  UP: 'green',
  DEGRADED: 'orange',
  DOWN: 'red',
  UNKNOWN: 'grey',
}

/** An instance's status as a coloured label; the text is the status itself, so it reads without colour too. */
export const StatusBadge: React.FunctionComponent<{ status: Status }> = ({ status }) => (
  <Label color={COLORS[status]} data-status={status}>
    {status}
  </Label>
)
