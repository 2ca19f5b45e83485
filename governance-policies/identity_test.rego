package governance.identity_test

import rego.v1

import data.governance.identity

create := {
	"tenant": "atlas",
	"environment": "dev",
	"actor": "workflow:onboarding",
	"action": "identity.create_user",
	"adapter": {"category": "identity", "instance": "directory", "region": "eu-west-1", "riskLevel": "high", "dataSensitivity": "confidential"},
	"data": {},
}

validate := object.union(create, {"tenant": "lumen", "actor": "anonymous", "action": "identity.validate_token"})

test_granted_provisioning_by_a_named_actor_is_allowed if {
	d := identity.decision with input as create
	d.allow == true
	d.code == null
	d.reasons == []
}

test_token_check_needs_no_provisioning_grant_nor_actor if {
	d := identity.decision with input as validate
	d.allow == true
}

test_provisioning_without_grant_is_denied if {
	d := identity.decision with input as object.union(create, {"tenant": "lumen"})
	d.allow == false
	d.code == "POLICY_DENIED"
	d.reasons == ["tenant lumen is not granted provisioning"]
}

test_anonymous_provisioning_is_denied if {
	d := identity.decision with input as object.union(create, {"actor": "anonymous"})
	d.allow == false
	d.reasons == ["provisioning needs a named actor"]
}

test_tenant_without_grant_is_denied if {
	d := identity.decision with input as object.union(validate, {"tenant": "orbit"})
	d.allow == false
	d.reasons == ["tenant orbit is not granted identity"]
}

test_environment_not_granted_is_denied if {
	d := identity.decision with input as object.union(create, {"environment": "staging"})
	d.allow == false
	d.reasons == ["tenant atlas is not granted identity in environment staging"]
}

test_unknown_action_is_denied if {
	d := identity.decision with input as object.union(create, {"action": "identity.delete_everyone"})
	d.allow == false
	d.reasons == ["identity.delete_everyone is not an identity action"]
}

test_other_category_is_denied if {
	d := identity.decision with input as object.union(create, {"adapter": object.union(create.adapter, {"category": "storage"})})
	d.allow == false
	d.reasons == ["category storage is not governed by the identity policy"]
}

test_missing_category_is_denied if {
	d := identity.decision with input as json.remove(create, ["adapter/category"])
	d.allow == false
	d.reasons == ["input names no adapter category"]
}
