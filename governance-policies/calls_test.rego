package governance.calls_test

import rego.v1

import data.governance.calls

send(classification) := {
	"tenant": "atlas", "environment": "prod", "actor": "alerts", "action": "notifications.send",
	"adapter": {"instance": "alerts", "category": "notifications"},
	"data": {"region": null, "classification": classification},
}

test_a_notification_without_classification_is_allowed if {
	calls.decision.allow with input as send(null)
}

test_confidential_data_may_be_sent if {
	calls.decision.allow with input as send("confidential")
}

test_restricted_data_is_never_sent if {
	d := calls.decision with input as send("restricted")
	not d.allow
	d.code == "POLICY_DENIED"
	d.reasons == ["data classified restricted may not go through notifications (at most confidential)"]
}

test_an_unknown_classification_is_refused if {
	not calls.decision.allow with input as send("top-secret")
}

test_restricted_data_may_be_sealed if {
	calls.decision.allow with input as object.union(send("restricted"), {"action": "notary.seal", "adapter": {"instance": "notary", "category": "notary"}})
}

test_an_operation_the_category_lacks_is_refused if {
	d := calls.decision with input as object.union(send(null), {"action": "notifications.delete"})
	d.reasons == ["notifications.delete is not an operation of notifications"]
}

test_a_category_without_a_call_policy_is_refused if {
	d := calls.decision with input as object.union(send(null), {"action": "storage.put_object", "adapter": {"instance": "x", "category": "storage"}})
	not d.allow
}

test_a_ticket_may_carry_confidential_data if {
	calls.decision.allow with input as object.union(send("confidential"), {"action": "ticketing.create", "adapter": {"instance": "tickets", "category": "ticketing"}})
}

test_restricted_data_never_goes_into_a_ticket if {
	d := calls.decision with input as object.union(send("restricted"), {"action": "ticketing.comment", "adapter": {"instance": "tickets", "category": "ticketing"}})
	d.reasons == ["data classified restricted may not go through ticketing (at most confidential)"]
}
