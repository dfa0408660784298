package agents.authz

import rego.v1
import data.registry as reg

# Readers on the finance projects.
default allow := false

allow if {
	some agent in reg.agents
	agent.tier >= 2
	startswith(input.resource.key, "FIN-")
}

deny contains msg if {
	not input.workload.attested
	msg := $"workload {input.workload.id} is not attested"
}

limits[name] := n if {
	some name, n in {"read": 10, "write": 2}
}

f(x, y) := x + y * 2

every_grant_ok if every g in input.grants { g.ok == true }
