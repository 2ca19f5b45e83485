# Payments adapter calls: a tenant reaches Stripe only through the actions and environments it is granted here
# (config/payments/data.json). Anything not granted is refused, so a new tenant or action bills nothing until
# someone grants it. The hub asks governance/payments/decision for every payments: call
# (conductor.governance.policies.payments) and once per billing sync run (action payments.billing_sync).
package governance.payments

import rego.v1

tenants := data.config.payments.tenants

tenant := tenants[input.tenant]

applies if input.adapter.category == "payments"

known_tenant if tenant

# Without a category nothing can be said about scope, so the request is refused rather than waved through.
deny contains "input names no adapter category" if not is_string(input.adapter.category)

deny contains sprintf("category %v is not governed by the payments policy", [input.adapter.category]) if {
	is_string(input.adapter.category)
	not applies
}

deny contains sprintf("tenant %v is not granted payments", [input.tenant]) if {
	applies
	not known_tenant
}

deny contains sprintf("tenant %v is not granted payments in environment %v", [input.tenant, input.environment]) if {
	applies
	known_tenant
	not input.environment in tenant.environments
}

deny contains sprintf("tenant %v is not granted %v", [input.tenant, input.action]) if {
	applies
	known_tenant
	not input.action in tenant.actions
}

default allow := false

allow if count(deny) == 0

default code := null

code := "POLICY_DENIED" if not allow

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
}
