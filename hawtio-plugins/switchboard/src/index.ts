import { hawtio, HawtioPlugin } from '@hawtio/react'
import { Switchboard } from './switchboard/Switchboard'

/** The entry Hawtio calls (module './plugin', function `plugin`): adds the Switchboard page to the console. */
export const plugin: HawtioPlugin = () => {
  hawtio.addPlugin({
    id: 'switchboard',
    title: 'Switchboard',
    path: '/switchboard',
    order: 5,
    component: Switchboard,
    isActive: async () => true,
  })
}
