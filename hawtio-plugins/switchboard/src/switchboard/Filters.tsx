import { FormSelect, FormSelectOption, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core'
import { Status } from './api'

export interface FilterValues {
  tenant: string
  category: string
  status: '' | Status
}

const STATUSES: Status[] = ['DOWN', 'DEGRADED', 'UP', 'UNKNOWN']

interface Props {
  values: FilterValues
  tenants: string[]
  categories: string[]
  onChange: (values: FilterValues) => void
}

/** Tenant, category and status filters over the instance table ('' = all). */
export const Filters: React.FunctionComponent<Props> = ({ values, tenants, categories, onChange }) => {
  const select = (id: keyof FilterValues, label: string, options: string[]) => (
    <ToolbarItem>
      <FormSelect
        id={`switchboard-filter-${id}`}
        aria-label={label}
        value={values[id]}
        onChange={(_event, value) => onChange({ ...values, [id]: value })}
      >
        <FormSelectOption value='' label={`All ${label.toLowerCase()}`} />
        {options.map(option => (
          <FormSelectOption key={option} value={option} label={option} />
        ))}
      </FormSelect>
    </ToolbarItem>
  )
  return (
    <Toolbar>
      <ToolbarContent>
        {select('tenant', 'Tenants', tenants)}
        {select('category', 'Categories', categories)}
        {select('status', 'Statuses', STATUSES)}
      </ToolbarContent>
    </Toolbar>
  )
}
