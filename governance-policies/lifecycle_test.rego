package governance.lifecycle_test

import rego.v1

import data.governance.lifecycle

install := {
	"action": "install",
	"tenant": "atlas",
	"tenant_kind": "internal",
	"environment": "dev",
	"actor": "alice",
	"roles": ["operator"],
	"adapter": {"definition": "s3-storage", "version": "1.0.0", "category": "storage", "instance": "evidence"},
	"adapter_risk_level": "medium",
	"data_sensitivity": "confidential",
	"requires_approval": false,
}

bob_approves := {"approved_by": "bob", "roles": ["approver"]}

test_medium_risk_install_by_internal_operator_is_allowed if {
	d := lifecycle.decision with input as install
	d.allow == true
	d.code == null
	d.reasons == []
	d.requires_approval == false
}

test_high_risk_install_waits_for_approval if {
	d := lifecycle.decision with input as object.union(install, {"adapter_risk_level": "high"})
	d.allow == false
	d.code == "APPROVAL_REQUIRED"
	d.requires_approval == true
	d.reasons == ["install of a high-risk confidential adapter in dev needs approval by an approver other than alice"]
}

test_high_risk_install_approved_by_another_approver_is_allowed if {
	inp := object.union(install, {"adapter_risk_level": "critical", "approval": bob_approves})
	lifecycle.allow with input as inp
}

test_self_approval_does_not_count if {
	inp := object.union(install, {"adapter_risk_level": "high", "roles": ["operator", "approver"], "approval": {"approved_by": "alice", "roles": ["approver"]}})
	d := lifecycle.decision with input as inp
	d.code == "APPROVAL_REQUIRED"
}

test_approval_by_someone_without_an_approving_role_does_not_count if {
	inp := object.union(install, {"adapter_risk_level": "high", "approval": {"approved_by": "carol", "roles": ["operator"]}})
	not lifecycle.allow with input as inp
}

test_definition_flag_requires_approval_at_any_risk if {
	d := lifecycle.decision with input as object.union(install, {"adapter_risk_level": "low", "requires_approval": true})
	d.code == "APPROVAL_REQUIRED"
	d.requires_approval == true
}

test_restricted_data_in_prod_requires_approval if {
	d := lifecycle.decision with input as object.union(install, {"environment": "prod", "data_sensitivity": "restricted"})
	d.code == "APPROVAL_REQUIRED"
	d2 := lifecycle.decision with input as object.union(install, {"environment": "dev", "data_sensitivity": "restricted"})
	d2.allow == true
}

test_endpoint_change_in_prod_requires_approval if {
	d := lifecycle.decision with input as object.union(install, {"action": "endpoint-change", "environment": "prod"})
	d.code == "APPROVAL_REQUIRED"
}

test_secret_rotation_never_waits_even_at_critical_risk if {
	d := lifecycle.decision with input as object.union(install, {"action": "secret-rotation", "adapter_risk_level": "critical", "requires_approval": true})
	d.allow == true
	d.requires_approval == false
}

test_viewer_may_not_install if {
	d := lifecycle.decision with input as object.union(install, {"roles": ["viewer"]})
	d.code == "LIFECYCLE_DENIED"
	d.reasons == ["alice may not install: it needs one of the roles operator, admin"]
}

test_uninstall_in_prod_is_for_admins if {
	inp := object.union(install, {"action": "uninstall", "environment": "prod"})
	d := lifecycle.decision with input as inp
	d.reasons == ["uninstall in prod is for admins only"]
	lifecycle.allow with input as object.union(inp, {"roles": ["admin"]})
}

test_saas_tenant_may_not_install_identity_adapters if {
	d := lifecycle.decision with input as object.union(install, {"tenant_kind": "saas", "adapter": object.union(install.adapter, {"category": "identity"})})
	d.code == "LIFECYCLE_DENIED"
	d.reasons == ["saas tenants may not use identity adapters"]
}

test_saas_tenant_may_not_run_high_risk_even_with_approval if {
	inp := object.union(install, {"tenant_kind": "saas", "adapter_risk_level": "high", "approval": bob_approves})
	d := lifecycle.decision with input as inp
	d.reasons == ["saas tenants may not run high-risk adapters"]
}

test_white_label_tenant_may_not_use_payments if {
	inp := object.union(install, {"tenant_kind": "white-label", "adapter": object.union(install.adapter, {"category": "payments"})})
	d := lifecycle.decision with input as inp
	d.reasons == ["white-label tenants may not use payments adapters"]
}

test_saas_tenant_may_not_keep_restricted_data if {
	d := lifecycle.decision with input as object.union(install, {"tenant_kind": "saas", "data_sensitivity": "restricted"})
	d.reasons == ["saas tenants may not keep restricted data"]
}

test_uninstall_is_not_held_to_the_allowance if {
	inp := object.union(install, {"tenant_kind": "saas", "action": "uninstall", "adapter": object.union(install.adapter, {"category": "identity"})})
	lifecycle.allow with input as inp
}

test_unknown_action_kind_risk_and_sensitivity_are_denied if {
	inp := object.union(install, {"action": "reboot", "tenant_kind": "partner", "adapter_risk_level": "extreme", "data_sensitivity": "secret"})
	d := lifecycle.decision with input as inp
	d.code == "LIFECYCLE_DENIED"
	"unknown lifecycle action reboot" in d.reasons
	"unknown tenant kind partner" in d.reasons
	"unknown risk level extreme" in d.reasons
	"unknown data sensitivity secret" in d.reasons
}
