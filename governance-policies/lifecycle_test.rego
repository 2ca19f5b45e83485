package governance.lifecycle_test

import rego.v1

import data.governance.lifecycle

install := {
	"tenant": "atlas",
	"tenantKind": "internal",
	"environment": "prod",
	"actor": "alice",
	"action": "install",
	"adapter": {"definition": "s3-storage", "category": "storage", "riskLevel": "medium", "requiresApproval": false},
}

test_medium_risk_install_by_internal_tenant_is_allowed if {
	d := lifecycle.decision with input as install
	d.allow == true
	d.code == null
	d.reasons == []
	d.requires_approval == false
}

test_high_risk_install_without_approval_is_denied if {
	inp := object.union(install, {"adapter": object.union(install.adapter, {"riskLevel": "high"})})
	d := lifecycle.decision with input as inp
	d.allow == false
	d.code == "POLICY_DENIED"
	d.requires_approval == true
	d.reasons == ["install of a high-risk adapter needs approval by someone other than alice"]
}

test_high_risk_install_approved_by_another_person_is_allowed if {
	inp := object.union(install, {"adapter": object.union(install.adapter, {"riskLevel": "critical"}), "approval": {"approvedBy": "bob"}})
	lifecycle.allow with input as inp
}

test_self_approval_does_not_count if {
	inp := object.union(install, {"adapter": object.union(install.adapter, {"riskLevel": "high"}), "approval": {"approvedBy": "alice"}})
	not lifecycle.allow with input as inp
}

test_definition_flag_requires_approval_at_any_risk if {
	inp := object.union(install, {"adapter": object.union(install.adapter, {"riskLevel": "low", "requiresApproval": true})})
	d := lifecycle.decision with input as inp
	d.allow == false
	d.requires_approval == true
}

test_uninstall_of_high_risk_adapter_needs_approval_too if {
	inp := object.union(install, {"action": "uninstall", "adapter": object.union(install.adapter, {"riskLevel": "high"})})
	not lifecycle.allow with input as inp
	lifecycle.allow with input as object.union(inp, {"approval": {"approvedBy": "bob"}})
}

test_saas_tenant_may_not_install_identity_adapters if {
	inp := object.union(install, {"tenantKind": "saas", "adapter": object.union(install.adapter, {"category": "identity"})})
	d := lifecycle.decision with input as inp
	d.reasons == ["saas tenants may not use identity adapters"]
}

test_saas_tenant_may_not_run_high_risk_even_with_approval if {
	inp := object.union(install, {"tenantKind": "saas", "adapter": object.union(install.adapter, {"riskLevel": "high"}), "approval": {"approvedBy": "bob"}})
	d := lifecycle.decision with input as inp
	d.reasons == ["saas tenants may not run high-risk adapters"]
}

test_uninstall_is_not_held_to_the_allowance if {
	inp := object.union(install, {"tenantKind": "saas", "action": "uninstall", "adapter": object.union(install.adapter, {"category": "identity"})})
	lifecycle.allow with input as inp
}

test_unknown_action_kind_and_risk_are_denied if {
	inp := object.union(install, {"action": "reboot", "tenantKind": "partner", "adapter": object.union(install.adapter, {"riskLevel": "extreme"})})
	d := lifecycle.decision with input as inp
	"unknown lifecycle action reboot" in d.reasons
	"unknown tenant kind partner" in d.reasons
	"unknown risk level extreme" in d.reasons
}
