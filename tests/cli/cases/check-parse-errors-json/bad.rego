package authz

allow if {
	input.action == "read"
	input.agent.tier in {"trusted" "verified"}
}

deny contains msg if {
	msg := sprintf("bad %s", [input.x]
}
