# Identity adapter calls: token checks (validate_token, fetch_claims, map_attributes) for every tenant granted
# identity in that environment; provisioning (users, groups, roles) only for tenants granted it, and only by a named
# actor, so every change to a directory says who asked. Anything not granted is refused: a new tenant provisions
# nobody until someone grants it here (config/identity/data.json). The hub asks governance/identity/decision for
# every identity: call (conductor.governance.policies.identity).
package governance.identity

import rego.v1

config := data.config.identity

tenant := config.tenants[input.tenant]

applies if input.adapter.category == "identity"

known_tenant if tenant

token_action if input.action in config.token_actions

provisioning_action if input.action in config.provisioning_actions

# Without a category nothing can be said about scope, so the request is refused rather than waved through.
deny contains "input names no adapter category" if not is_string(input.adapter.category)

deny contains sprintf("category %v is not governed by the identity policy", [input.adapter.category]) if {
	is_string(input.adapter.category)
	not applies
}

deny contains sprintf("tenant %v is not granted identity", [input.tenant]) if {
	applies
	not known_tenant
}

deny contains sprintf("tenant %v is not granted identity in environment %v", [input.tenant, input.environment]) if {
	applies
	known_tenant
	not input.environment in tenant.environments
}

deny contains sprintf("%v is not an identity action", [input.action]) if {
	applies
	not token_action
	not provisioning_action
}

deny contains sprintf("tenant %v is not granted provisioning", [input.tenant]) if {
	applies
	known_tenant
	provisioning_action
	not tenant.provisioning == true
}

deny contains "provisioning needs a named actor" if {
	applies
	provisioning_action
	not named_actor
}

named_actor if {
	is_string(input.actor)
	input.actor != ""
	input.actor != "anonymous"
}

default allow := false

allow if count(deny) == 0

default code := null

code := "POLICY_DENIED" if not allow

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
}
