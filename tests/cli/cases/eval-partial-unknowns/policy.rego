package authz

default allow := false

allow if {
	input.workload.attested
	input.action == "read"
}

roles := {"admin": ["read", "write"], "viewer": ["read"]}

permitted if {
	some action in roles[input.role]
	action == input.action
}

deny contains "unattested" if not input.workload.attested

deny contains "blocked user" if input.user in {"eve", "mallory"}
