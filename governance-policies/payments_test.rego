package governance.payments_test

import rego.v1

import data.governance.payments

usage := {
	"tenant": "atlas",
	"environment": "dev",
	"actor": "system:billing-sync",
	"action": "payments.record_usage",
	"adapter": {"category": "payments", "instance": "billing", "region": "eu-west-1", "riskLevel": "high", "dataSensitivity": "confidential"},
	"data": {},
}

test_granted_action_in_granted_environment_is_allowed if {
	d := payments.decision with input as usage
	d.allow == true
	d.code == null
	d.reasons == []
}

test_tenant_without_grant_is_denied if {
	d := payments.decision with input as object.union(usage, {"tenant": "lumen"})
	d.allow == false
	d.code == "POLICY_DENIED"
	d.reasons == ["tenant lumen is not granted payments"]
}

test_action_not_granted_is_denied if {
	d := payments.decision with input as object.union(usage, {"tenant": "orbit", "environment": "prod"})
	d.allow == false
	d.reasons == ["tenant orbit is not granted payments.record_usage"]
}

test_environment_not_granted_is_denied if {
	d := payments.decision with input as object.union(usage, {"tenant": "orbit", "action": "payments.get_invoice"})
	d.allow == false
	d.reasons == ["tenant orbit is not granted payments in environment dev"]
}

test_other_category_is_denied if {
	d := payments.decision with input as object.union(usage, {"adapter": object.union(usage.adapter, {"category": "storage"})})
	d.allow == false
	d.reasons == ["category storage is not governed by the payments policy"]
}

test_missing_category_is_denied if {
	d := payments.decision with input as json.remove(usage, ["adapter/category"])
	d.allow == false
	d.reasons == ["input names no adapter category"]
}
