# Adapter lifecycle (install, update, uninstall): what each kind of tenant may run, and which
# actions need a second person's approval before they happen.
package governance.lifecycle

import rego.v1

config := data.config.governance.lifecycle

allowance := config.allowances[input.tenantKind]

risk := config.risk_rank[input.adapter.riskLevel]

known_action if input.action in config.actions

known_kind if allowance

known_risk if risk

# Uninstalling takes capability away, so only install and update are held to the allowance.
adds_capability if input.action in {"install", "update"}

category_allowed if input.adapter.category in allowance.categories

within_risk if risk <= config.risk_rank[allowance.max_risk]

requires_approval if risk >= config.risk_rank[config.approval_from_risk]

requires_approval if input.adapter.requiresApproval == true

# Dual control: the approver is someone other than the actor.
approved if {
	approver := input.approval.approvedBy
	is_string(approver)
	approver != ""
	approver != input.actor
}

deny contains sprintf("unknown lifecycle action %v", [input.action]) if not known_action

deny contains sprintf("unknown tenant kind %v", [input.tenantKind]) if not known_kind

deny contains sprintf("unknown risk level %v", [input.adapter.riskLevel]) if not known_risk

deny contains sprintf("%v tenants may not use %v adapters", [input.tenantKind, input.adapter.category]) if {
	adds_capability
	known_kind
	not category_allowed
}

deny contains sprintf("%v tenants may not run %v-risk adapters", [input.tenantKind, input.adapter.riskLevel]) if {
	adds_capability
	known_kind
	known_risk
	not within_risk
}

deny contains sprintf("%v of a %v-risk adapter needs approval by someone other than %v", [input.action, input.adapter.riskLevel, input.actor]) if {
	known_action
	requires_approval
	not approved
}

default allow := false

allow if count(deny) == 0

default code := null

code := "POLICY_DENIED" if not allow

default needs_approval := false

needs_approval if requires_approval

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
	"requires_approval": needs_approval,
}
