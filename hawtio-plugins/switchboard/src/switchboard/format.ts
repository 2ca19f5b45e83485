export const percent = (rate: number): string => `${(100 * rate).toFixed(rate > 0 && rate < 0.01 ? 2 : 0)} %`

export const millis = (value: number | null): string => (value === null ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`)

export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '–')

export const instanceId = (i: { tenant: string; environment: string; instance: string }): string =>
  `${i.tenant}/${i.environment}/${i.instance}`
