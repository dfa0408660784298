package authz

default allow := false

# An admin may do anything.
allow if {
	some role in input.user.roles
	role == "admin"
}

# Public resources may be read by anyone.
allow if {
	input.action == "read"
	startswith(input.resource.id, "public/")
}

# Writes are never indexed away: this body is not entered for a read.
allow if {
	input.action == "write"
	input.user.id == input.resource.owner
}
