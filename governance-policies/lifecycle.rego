# Adapter lifecycle: which actions a tenant of each kind may take on which adapters, who may take them, and which
# ones wait for a second person's approval (dual control) before they happen.
package governance.lifecycle

import rego.v1

config := data.config.governance.lifecycle

allowance := config.allowances[input.tenant_kind]

risk := config.risk_rank[input.adapter_risk_level]

sensitivity := config.sensitivity_rank[input.data_sensitivity]

known_action if input.action in config.actions

known_kind if allowance

known_risk if risk

known_sensitivity if sensitivity

# Uninstalling and rotating a secret take nothing new into use, so they are not held to the allowance.
adds_capability if input.action in config.adds_capability

category_allowed if input.adapter.category in allowance.categories

within_risk if risk <= config.risk_rank[allowance.max_risk]

within_sensitivity if sensitivity <= config.sensitivity_rank[allowance.max_sensitivity]

has_role(roles, wanted) if {
	some role in roles
	role in wanted
}

may_act if has_role(input.roles, config.acting_roles)

admin_only if input.environment in config.admin_only_in[input.action]

# Rotating a secret is what one does after a leak: it never waits for a second person.
may_wait if not input.action in config.never_waits_for_approval

requires_approval if {
	may_wait
	risk >= config.risk_rank[config.approval_from_risk]
}

requires_approval if {
	may_wait
	input.requires_approval == true
}

requires_approval if {
	may_wait
	rule := config.approval_in_environments[input.environment]
	sensitivity >= config.sensitivity_rank[rule.from_sensitivity]
}

requires_approval if {
	may_wait
	rule := config.approval_in_environments[input.environment]
	input.action in rule.actions
}

# Dual control: the approver is someone other than the actor, and holds an approving role.
approved if {
	approver := input.approval.approved_by
	is_string(approver)
	approver != ""
	approver != input.actor
	has_role(input.approval.roles, config.approving_roles)
}

deny contains sprintf("unknown lifecycle action %v", [input.action]) if not known_action

deny contains sprintf("unknown tenant kind %v", [input.tenant_kind]) if not known_kind

deny contains sprintf("unknown risk level %v", [input.adapter_risk_level]) if not known_risk

deny contains sprintf("unknown data sensitivity %v", [input.data_sensitivity]) if not known_sensitivity

deny contains sprintf("%v may not %v: it needs one of the roles %v", [input.actor, input.action, concat(", ", config.acting_roles)]) if {
	known_action
	not may_act
}

deny contains sprintf("%v in %v is for admins only", [input.action, input.environment]) if {
	admin_only
	not has_role(input.roles, ["admin"])
}

deny contains sprintf("%v tenants may not use %v adapters", [input.tenant_kind, input.adapter.category]) if {
	adds_capability
	known_kind
	not category_allowed
}

deny contains sprintf("%v tenants may not run %v-risk adapters", [input.tenant_kind, input.adapter_risk_level]) if {
	adds_capability
	known_kind
	known_risk
	not within_risk
}

deny contains sprintf("%v tenants may not keep %v data", [input.tenant_kind, input.data_sensitivity]) if {
	adds_capability
	known_kind
	known_sensitivity
	not within_sensitivity
}

pending contains sprintf("%v of a %v-risk %v adapter in %v needs approval by an approver other than %v", [input.action, input.adapter_risk_level, input.data_sensitivity, input.environment, input.actor]) if {
	known_action
	requires_approval
	not approved
}

default allow := false

allow if {
	count(deny) == 0
	count(pending) == 0
}

# LIFECYCLE_DENIED: refused whoever approves; APPROVAL_REQUIRED: allowed once an approver other than the actor agrees.
default code := null

code := "LIFECYCLE_DENIED" if count(deny) > 0

code := "APPROVAL_REQUIRED" if {
	count(deny) == 0
	count(pending) > 0
}

default needs_approval := false

needs_approval if requires_approval

decision := {
	"allow": allow,
	"code": code,
	"reasons": array.concat(sort(deny), sort(pending)),
	"requires_approval": needs_approval,
}
