package authz

default allow := false

allow if {
	input.workload.attested
	trace(sprintf("action %s", [input.action]))
	input.action in {"read", "list"}
}
