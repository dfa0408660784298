# Agent authorization for the finance reconcile workflow.
#
# An agent acts for a user, as itself, from a workload. A request is decided into one of
# three lanes: allow, review (a human must approve) or deny. Anything not explicitly
# allowed or sent to review is denied.
package agentauthz

# The rule of the product page: agents on the reconcile workflow may read Jira projects
# whose key starts with FIN-, only with trust tier >= 2 and only from the corp-vpn network.
reconcile_read if {
	input.task.workflow == "reconcile"
	input.action == "read"
	jira_finance_project
	input.agent.trust_tier >= 2
	input.workload.network == "corp-vpn"
}

# Writes on the same projects are possible, but a human reviews each one.
reconcile_write if {
	input.task.workflow == "reconcile"
	input.action in write_actions
	jira_finance_project
	input.agent.trust_tier >= 3
	input.workload.network == "corp-vpn"
}

write_actions := {"create", "update", "transition", "comment"}

jira_finance_project if {
	input.resource.type == "jira_project"
	startswith(input.resource.key, "FIN-")
}

# Hard denials: these win over everything else.
deny contains "workload is not attested" if not input.workload.attested

deny contains msg if {
	agent := data.registry.agents[input.agent.id]
	agent.status != "active"
	msg := sprintf("agent %s is %s", [input.agent.id, agent.status])
}

deny contains "agent is not registered" if not data.registry.agents[input.agent.id]

deny contains "user has not delegated this workflow to the agent" if not delegated

delegated if {
	some grant in data.registry.delegations[input.user.id]
	grant.agent == input.agent.id
	grant.workflow == input.task.workflow
}

# Every scope the agent asks for must be one the user granted it.
deny contains sprintf("scope %s was not granted", [scope]) if {
	some scope in input.task.scopes
	not scope in granted_scopes
}

granted_scopes contains scope if {
	some grant in data.registry.delegations[input.user.id]
	grant.agent == input.agent.id
	some scope in grant.scopes
}

review contains "writes to finance projects need a human review" if reconcile_write

allow if reconcile_read

# The decision: the lane and the rule that decided it.
decision := {"lane": "deny", "rule": "deny", "reasons": sort(deny)} if {
	count(deny) > 0
} else := {"lane": "review", "rule": "review", "reasons": sort(review)} if {
	count(review) > 0
} else := {"lane": "allow", "rule": "allow", "reasons": []} if {
	allow
} else := {"lane": "deny", "rule": "default", "reasons": ["no rule allows this request"]}
