# Event-bus calls (eventbus:publish, every event a subscription receives): the data an event carries may not be more
# sensitive than the bus instance is rated for, and an event that names its data region stays on a bus of that region.
# Which topics a tenant reaches is not this policy's: the adapter keeps every topic in the tenant's namespace.
package eventbus

import rego.v1

# The ranks the lifecycle policy uses for data sensitivity.
rank := data.config.governance.lifecycle.sensitivity_rank

actions := {"event-bus.publish", "event-bus.subscribe"}

classification := object.get(input, ["data", "classification"], null)

data_region := object.get(input, ["data", "region"], null)

instance_region := object.get(input, ["adapter", "region"], null)

instance_sensitivity := object.get(input, ["adapter", "dataSensitivity"], null)

deny contains sprintf("category %v is not the event bus", [input.adapter.category]) if {
	input.adapter.category != "event-bus"
}

deny contains sprintf("action %v is not an event-bus action", [input.action]) if {
	not input.action in actions
}

deny contains sprintf("data classification %v is unknown", [classification]) if {
	classification != null
	not is_number(rank[classification])
}

deny contains "the instance has no known data sensitivity rating" if {
	classification != null
	not is_number(rank[instance_sensitivity])
}

deny contains sprintf("%v data may not travel on a bus rated %v", [classification, instance_sensitivity]) if {
	rank[classification] > rank[instance_sensitivity]
}

deny contains sprintf("data region %v does not match the bus region %v", [data_region, instance_region]) if {
	data_region != null
	instance_region != null
	data_region != instance_region
}

default allow := false

allow if count(deny) == 0

default code := null

region_mismatch if {
	some reason in deny
	startswith(reason, "data region")
}

code := "RESIDENCY_MISMATCH" if {
	not allow
	region_mismatch
}

code := "POLICY_DENIED" if {
	not allow
	not region_mismatch
}

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
}
