package agentauthz_test

import data.agentauthz

base := {
	"user": {"id": "alice"},
	"agent": {"id": "recon-bot", "trust_tier": 2},
	"workload": {"attested": true, "network": "corp-vpn"},
	"task": {"workflow": "reconcile", "scopes": ["jira:read"]},
	"action": "read",
	"resource": {"type": "jira_project", "key": "FIN-LEDGER"},
}

test_finance_read_is_allowed if {
	agentauthz.decision.lane == "allow" with input as base
}

test_write_goes_to_review if {
	req := object.union(base, {
		"agent": {"id": "recon-writer", "trust_tier": 3},
		"task": {"workflow": "reconcile", "scopes": ["jira:read", "jira:write"]},
		"action": "update",
	})
	agentauthz.decision.lane == "review" with input as req
}

test_unattested_workload_is_denied if {
	req := object.union(base, {"workload": {"attested": false, "network": "corp-vpn"}})
	d := agentauthz.decision with input as req
	d.lane == "deny"
	"workload is not attested" in d.reasons
}

test_low_trust_tier_is_denied if {
	req := object.union(base, {"agent": {"id": "intern-bot", "trust_tier": 1}})
	agentauthz.decision.lane == "deny" with input as req
}

test_other_networks_are_denied if {
	req := object.union(base, {"workload": {"attested": true, "network": "public"}})
	agentauthz.decision == {"lane": "deny", "rule": "default", "reasons": ["no rule allows this request"]} with input as req
}

test_non_finance_projects_are_denied if {
	every key in ["HR-PAYROLL", "FINANCE", "fin-ledger"] {
		req := object.union(base, {"resource": {"type": "jira_project", "key": key}})
		agentauthz.decision.lane == "deny" with input as req
	}
}

test_ungranted_scope_is_denied if {
	req := object.union(base, {"task": {"workflow": "reconcile", "scopes": ["jira:read", "jira:admin"]}})
	d := agentauthz.decision with input as req
	d.reasons == ["scope jira:admin was not granted"]
}
