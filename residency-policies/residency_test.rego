package residency_test

import rego.v1

import data.residency

write := {
	"tenant": "atlas",
	"environment": "dev",
	"actor": "alice",
	"action": "storage.put_object",
	"adapter": {"category": "storage", "instance": "evidence", "region": "eu-west-1", "riskLevel": "medium", "dataSensitivity": "confidential"},
	"data": {"region": "eu-west-1", "classification": "confidential"},
}

test_write_in_matching_region_on_own_pod_is_allowed if {
	residency.allow with input as write
	d := residency.decision with input as write
	d.code == null
	d.reasons == []
	d.data_region == "eu-west-1"
	d.instance_region == "eu-west-1"
}

test_data_region_differing_from_instance_region_is_a_mismatch if {
	inp := json.patch(write, [{"op": "replace", "path": "/data/region", "value": "eu-central-1"}])
	not residency.allow with input as inp
	d := residency.decision with input as inp
	d.code == "RESIDENCY_MISMATCH"
	d.reasons == ["data region eu-central-1 does not match instance region eu-west-1"]
}

test_data_region_outside_tenant_regions_is_denied if {
	inp := object.union(write, {"tenant": "orbit", "adapter": object.union(write.adapter, {"region": "us-east-1"})})
	d := residency.decision with input as inp
	d.allow == false
	d.code == "RESIDENCY_MISMATCH"
	"data region eu-west-1 is not allowed for tenant orbit" in d.reasons
	"data region eu-west-1 does not match instance region us-east-1" in d.reasons
}

test_region_not_allowed_for_tenant_is_denied if {
	inp := object.union(write, {"tenant": "lumen", "adapter": object.union(write.adapter, {"region": "us-east-1"}), "data": {"region": "us-east-1"}})
	d := residency.decision with input as inp
	d.code == "RESIDENCY_MISMATCH"
	"tenant lumen may not use region us-east-1" in d.reasons
}

test_instance_that_is_not_a_tenant_pod_is_denied if {
	inp := object.union(write, {"adapter": object.union(write.adapter, {"instance": "scratch"})})
	d := residency.decision with input as inp
	d.code == "RESIDENCY_MISMATCH"
	d.reasons == ["instance scratch is not a storage pod of tenant atlas in region eu-west-1"]
}

test_write_without_data_region_is_denied if {
	inp := object.union(write, {"data": {"region": null, "classification": "internal"}})
	d := residency.decision with input as inp
	d.code == "RESIDENCY_MISMATCH"
	d.reasons == ["write carries no data region"]
}

test_instance_without_region_tag_is_denied if {
	inp := object.union(write, {"adapter": object.union(write.adapter, {"region": null})})
	d := residency.decision with input as inp
	"adapter instance has no region tag" in d.reasons
	d.allow == false
}

test_unknown_tenant_is_denied_with_policy_denied if {
	inp := object.union(write, {"tenant": "nobody"})
	d := residency.decision with input as inp
	d.code == "POLICY_DENIED"
	d.reasons == ["tenant nobody has no residency entry"]
}

test_read_needs_no_data_region_but_still_an_own_pod if {
	read := object.union(write, {"action": "storage.get_object", "data": {"region": null, "classification": null}})
	residency.allow with input as read
	not residency.allow with input as object.union(read, {"adapter": object.union(write.adapter, {"instance": "scratch"})})
}

test_other_categories_are_out_of_scope if {
	residency.allow with input as object.union(write, {"adapter": {"category": "payments", "instance": "stripe", "region": "us-east-1"}})
}

test_new_region_is_usable_once_added_to_data if {
	tenants := object.union(data.config.residency.tenants, {"orbit": {"regions": ["us-east-1", "eu-west-1"], "pods": {"eu-west-1": ["evidence"]}}})
	residency.allow with input as object.union(write, {"tenant": "orbit"}) with data.config.residency.tenants as tenants
}

test_missing_input_is_denied if {
	not residency.allow
	residency.deny == {"input names no adapter category"}
}
