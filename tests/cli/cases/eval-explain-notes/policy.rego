package authz

default allow := false

allow if {
	trace("checking the agent's tier")
	tiers := {t | some t in data.trusted_tiers}
	trace(sprintf("trusted tiers: %v", [count(tiers)]))
	input.agent.tier in tiers
}

reasons contains msg if {
	some tool in input.agent.tools
	not tool in data.allowed_tools
	msg := sprintf("tool %s is not allowed", [tool])
	trace(msg)
}
