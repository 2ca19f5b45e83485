# Adapter calls of the categories without a policy of their own (notifications, ticketing, notary): which operations a
# category offers, and how sensitive the data a call carries may be. Notifications and tickets leave the hub (mail,
# webhooks, an outside tracker people read), so restricted data never goes by them; the notary sends only a digest,
# so any classification may be sealed.
package governance.calls

import rego.v1

categories := data.config.calls.categories

rank := data.config.calls.sensitivity_rank

category := input.adapter.category

operation := trim_prefix(input.action, concat("", [category, "."])) if startswith(input.action, concat("", [category, "."]))

classification := object.get(input, ["data", "classification"], null)

deny contains sprintf("no call policy for category %v", [category]) if not categories[category]

deny contains sprintf("%v is not an operation of %v", [input.action, category]) if {
	categories[category]
	not operation in categories[category].operations
}

deny contains sprintf("data classified %v may not go through %v (at most %v)", [classification, category, categories[category].max_data_classification]) if {
	categories[category]
	classification != null
	rank[classification] > rank[categories[category].max_data_classification]
}

deny contains sprintf("unknown data classification %v", [classification]) if {
	classification != null
	not rank[classification]
}

default allow := false

allow if count(deny) == 0

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
}

default code := null

code := "POLICY_DENIED" if not allow
