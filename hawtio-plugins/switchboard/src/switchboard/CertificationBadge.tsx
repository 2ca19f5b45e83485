import { Label } from '@patternfly/react-core'
import { useEffect, useState } from 'react'
import { api, MarketplaceListing } from './api'
import { when } from './format'

/**
 * The review badge of the adapter an instance runs: "marketplace-ready" or "certified" with the review's rating and
 * (for people of every tenant) who reviewed it when, from GET /api/marketplace; "not certified" for an adapter the marketplace does not list (a
 * built-in one, or a partner adapter still in review); nothing while it loads or when the hub cannot say.
 */
export const CertificationBadge: React.FunctionComponent<{ tenant: string; environment: string; instance: string }> = ({
  tenant,
  environment,
  instance,
}) => {
  const [listing, setListing] = useState<MarketplaceListing | null | undefined>(undefined)
  useEffect(() => {
    Promise.all([api.definition(tenant, environment, instance), api.marketplace()]).then(
      ([running, listed]) =>
        setListing(
          listed.find(l => l.name === running.definition && l.version === running.definitionVersion) ?? null,
        ),
      () => setListing(undefined),
    )
  }, [tenant, environment, instance])
  if (listing === undefined) {
    return null
  }
  if (listing === null) {
    return (
      <Label color='grey' id='switchboard-certification' data-badge='none'>
        not certified
      </Label>
    )
  }
  const details = listing.review
  const review = `risk ${listing.riskRating}${listing.dualControl && details ? `, ${details.approvals} approvals` : ''}` +
    (details?.reviewedBy ? `, reviewed by ${details.reviewedBy} ${when(details.reviewedAt)}` : '')
  return (
    <Label
      color={listing.badge === 'marketplace-ready' ? 'green' : 'blue'}
      id='switchboard-certification'
      data-badge={listing.badge}
      title={review}
    >
      {listing.badge} ({review})
    </Label>
  )
}
