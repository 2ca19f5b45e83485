package eventbus_test

import rego.v1

import data.eventbus

publish := {
	"tenant": "atlas",
	"environment": "dev",
	"actor": "alice",
	"action": "event-bus.publish",
	"adapter": {"category": "event-bus", "instance": "events", "region": "eu-west-1", "dataSensitivity": "internal"},
	"data": {"region": null, "classification": "internal"},
}

test_internal_event_on_internal_bus_is_allowed if {
	d := eventbus.decision with input as publish
	d.allow == true
	d.code == null
}

test_an_event_without_classification_or_region_is_allowed if {
	d := eventbus.decision with input as object.union(publish, {"data": {"region": null, "classification": null}})
	d.allow == true
}

test_restricted_data_may_not_travel_on_an_internal_bus if {
	d := eventbus.decision with input as object.union(publish, {"data": {"region": null, "classification": "restricted"}})
	d.allow == false
	d.code == "POLICY_DENIED"
	d.reasons == ["restricted data may not travel on a bus rated internal"]
}

test_an_event_of_another_region_is_a_residency_mismatch if {
	d := eventbus.decision with input as object.union(publish, {"data": {"region": "us-east-1", "classification": "internal"}})
	d.allow == false
	d.code == "RESIDENCY_MISMATCH"
}

test_another_category_is_refused if {
	d := eventbus.decision with input as object.union(publish, {"action": "storage.put_object", "adapter": {"category": "storage", "region": "eu-west-1", "dataSensitivity": "internal"}})
	d.allow == false
	count(d.reasons) == 2
}
