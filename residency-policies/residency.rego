# Data residency for storage adapters: a tenant's data stays in the regions it is allowed, on the
# storage instances ("pods") it may use there, and a write lands only where its data region says.
package residency

import rego.v1

tenants := data.config.residency.tenants

write_actions := {a | some a in data.config.residency.storage_write_actions}

tenant := tenants[input.tenant]

data_region := object.get(input, ["data", "region"], null)

instance_region := object.get(input, ["adapter", "region"], null)

# Residency governs storage only; other categories are not this policy's concern.
applies if input.adapter.category == "storage"

is_write if input.action in write_actions

known_tenant if tenant

region_allowed(region) if region in tenant.regions

pod_allowed if input.adapter.instance in tenant.pods[instance_region]

# Without a category nothing can be said about scope, so the request is refused rather than waved through.
deny contains "input names no adapter category" if not is_string(input.adapter.category)

deny contains sprintf("tenant %v has no residency entry", [input.tenant]) if {
	applies
	not known_tenant
}

deny contains "adapter instance has no region tag" if {
	applies
	known_tenant
	instance_region == null
}

deny contains sprintf("tenant %v may not use region %v", [input.tenant, instance_region]) if {
	applies
	known_tenant
	instance_region != null
	not region_allowed(instance_region)
}

deny contains sprintf("instance %v is not a storage pod of tenant %v in region %v", [input.adapter.instance, input.tenant, instance_region]) if {
	applies
	known_tenant
	region_allowed(instance_region)
	not pod_allowed
}

deny contains "write carries no data region" if {
	applies
	known_tenant
	is_write
	data_region == null
}

deny contains sprintf("data region %v is not allowed for tenant %v", [data_region, input.tenant]) if {
	applies
	known_tenant
	is_write
	data_region != null
	not region_allowed(data_region)
}

deny contains sprintf("data region %v does not match instance region %v", [data_region, instance_region]) if {
	applies
	known_tenant
	is_write
	data_region != null
	instance_region != null
	data_region != instance_region
}

default allow := false

allow if count(deny) == 0

default code := null

code := "POLICY_DENIED" if {
	not allow
	not known_tenant
}

code := "RESIDENCY_MISMATCH" if {
	not allow
	known_tenant
}

decision := {
	"allow": allow,
	"code": code,
	"reasons": sort(deny),
	"data_region": data_region,
	"instance_region": instance_region,
}
