package authz_test

import data.authz

test_read_allowed if {
	authz.allow with input as {"workload": {"attested": true}, "action": "read"}
}

test_delete_allowed if {
	trace("deleting is a write")
	authz.allow with input as {"workload": {"attested": true}, "action": "delete"}
}

test_unattested_denied if {
	x := {"workload": {"attested": false}, "action": "read"}
	authz.allow with input as x
}
